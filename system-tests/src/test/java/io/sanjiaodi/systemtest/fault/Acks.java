package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.systemtest.fault.Api.Answer;
import io.sanjiaodi.systemtest.fault.Api.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntSupplier;

/**
 * What the clients of one API were told, per aggregate: the commands acknowledged, in order, and
 * the one after them whose answer never came (a client stops an aggregate's flow at the first
 * command not acknowledged, and never retries, so at most one is indeterminate). Each command carries
 * the fault window (round) it was sent in, for the figures per fault kind.
 */
final class Acks {

    /**
     * One command, by the event type it produces; {@code nanos} when its answer arrived; {@code observed}:
     * an event no client command caused but a client saw happen.
     */
    record Command(String type, int window, long nanos, boolean observed) {}

    /** One aggregate's commands. Written by one client thread, read after the clients stopped. */
    static final class Flow {
        final List<Command> acknowledged = new ArrayList<>();
        volatile Command indeterminate;

        synchronized List<Command> acknowledged() {
            return List.copyOf(acknowledged);
        }

        synchronized List<String> ackedTypes() {
            return acknowledged.stream().map(Command::type).toList();
        }
    }

    static final int MAX_WINDOWS = 10_000;

    private final IntSupplier window;
    private final Map<String, Flow> flows = new ConcurrentHashMap<>();
    private final Map<Outcome, AtomicIntegerArray> perWindow = new EnumMap<>(Outcome.class);

    Acks(IntSupplier window) {
        this.window = window;
        for (Outcome outcome : Outcome.values()) {
            perWindow.put(outcome, new AtomicIntegerArray(MAX_WINDOWS));
        }
    }

    /**
     * Records the answer to a command on {@code aggregateId} (null: a creating command that was
     * not acknowledged, so no id is known); true when acknowledged.
     */
    boolean record(String aggregateId, String type, Answer answer) {
        int w = Math.min(window.getAsInt(), MAX_WINDOWS - 1);
        perWindow.get(answer.outcome()).incrementAndGet(w);
        if (aggregateId == null) {
            return answer.acknowledged();
        }
        Command command = new Command(type, w, System.nanoTime(), false);
        Flow flow = flows.computeIfAbsent(aggregateId, id -> new Flow());
        switch (answer.outcome()) {
            case ACKNOWLEDGED -> {
                synchronized (flow) {
                    flow.acknowledged.add(command);
                }
            }
            case INDETERMINATE -> flow.indeterminate = command;
            case REFUSED -> {}
        }
        return answer.acknowledged();
    }

    /** An event the client did not cause but saw happen (the ledger opened by the pipeline). */
    void observed(String aggregateId, String type) {
        Flow flow = flows.computeIfAbsent(aggregateId, id -> new Flow());
        synchronized (flow) {
            flow.acknowledged.add(
                    new Command(type, Math.min(window.getAsInt(), MAX_WINDOWS - 1), System.nanoTime(), true));
        }
    }

    Map<String, Flow> flows() {
        return flows;
    }

    int count(Outcome outcome, int window) {
        return perWindow.get(outcome).get(window);
    }

    int total(Outcome outcome) {
        int sum = 0;
        AtomicIntegerArray counts = perWindow.get(outcome);
        for (int i = 0; i < MAX_WINDOWS; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** How many commands were acknowledged between two moments (System.nanoTime). */
    int ackedBetween(long from, long to) {
        int n = 0;
        for (Flow flow : flows.values()) {
            for (Command command : flow.acknowledged()) {
                n += !command.observed() && command.nanos() >= from && command.nanos() <= to ? 1 : 0;
            }
        }
        return n;
    }

    /** When the first acknowledgement after {@code nanos} arrived, or -1 if none did. */
    long firstAckAfter(long nanos) {
        long first = Long.MAX_VALUE;
        for (Flow flow : flows.values()) {
            for (Command command : flow.acknowledged()) {
                if (!command.observed() && command.nanos() >= nanos && command.nanos() < first) {
                    first = command.nanos();
                }
            }
        }
        return first == Long.MAX_VALUE ? -1 : first;
    }
}

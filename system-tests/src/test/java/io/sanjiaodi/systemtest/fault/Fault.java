package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.systemtest.fault.Cluster.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The kinds of fault a round injects. {@code -Dfault.only} takes these names, or a node's name for
 * that node's classic fault (INTERVIEW, RECTIFICATION, AUDIT, MONGO, POSTGRES: kill -9; KAFKA: stop).
 */
enum Fault {
    KILL_INTERVIEW(Node.INTERVIEW, "killed -9"),
    KILL_RECTIFICATION(Node.RECTIFICATION, "killed -9"),
    /** the writer of the two audit-service instances: the hot standby takes over */
    KILL_AUDIT(Node.AUDIT, "killed -9"),
    /** SIGTERM: the broker shuts down cleanly. */
    STOP_KAFKA(Node.KAFKA, "stopped"),
    /** SIGKILL: the broker recovers its log segments and the KRaft metadata log from disk. */
    KILL_KAFKA(Node.KAFKA, "killed -9"),
    /** SIGKILL: DevMongo acknowledges a write only once it is in its file. */
    KILL_MONGO(Node.MONGO, "killed -9"),
    /** SIGKILL of the postmaster and every backend at once: crash recovery from the write-ahead log. */
    KILL_POSTGRES(Node.POSTGRES, "killed -9 the server of"),
    /**
     * SIGSTOP, then SIGCONT, of a rectification-service instance or the audit writer (at random: the
     * services with Kafka consumers); a paused audit writer loses its lease to the standby
     */
    PAUSE_SERVICE(null, "paused"),
    PAUSE_KAFKA(Node.KAFKA, "paused"),
    /** the postmaster and every backend */
    PAUSE_POSTGRES(Node.POSTGRES, "paused the server of"),
    /** every connection through the Kafka proxy closed with a TCP reset, once a second for 8 s */
    NET_RESET(Node.KAFKA, "reset every connection to"),
    /** every chunk to and from the broker delayed by 500 ms, for 10 s */
    NET_DELAY(Node.KAFKA, "delayed every chunk to and from"),
    /** no byte forwarded either way for 12 s, the connections left open (a partition) */
    NET_HOLD(Node.KAFKA, "held every byte to and from"),
    /** records that are not CloudEvents, produced onto both event topics; nothing is down */
    POISON(null, "injected poison records into"),
    /**
     * interview- or rectification-service restarted with its clock minutes to an hour off, left
     * running so for a while, then restarted with the true clock (a step back): libfaketime
     */
    CLOCK(null, "skewed the clock of"),
    /**
     * overlapping outages, the longest past 30 s: the broker unreachable for 35 s (every byte held
     * at the proxy); 5 s in, PostgreSQL paused for 12 s; 10 s in, an interview-service instance
     * killed -9, restarted once PostgreSQL is back, while the broker is still unreachable
     */
    OVERLAP(null, "overlapped outages of");

    /** the kinds the test had before pauses, poison and the proxy: every CI run keeps them */
    static final Set<Fault> CLASSIC =
            EnumSet.of(KILL_INTERVIEW, KILL_RECTIFICATION, KILL_AUDIT, STOP_KAFKA, KILL_MONGO, KILL_POSTGRES);

    /** About a minute or more a round (CLOCK: two restarts): in full cycles (the soak, or named), not in CI's short pass. */
    static final Set<Fault> SOAK_ONLY = EnumSet.of(CLOCK, OVERLAP);

    /** CI's default: the six classic kinds and five of the eight others but CLOCK and OVERLAP, at random (all 16 take too long). */
    static final int CI_ROUNDS = 11;

    final Node node;
    final String verb;

    Fault(Node node, String verb) {
        this.node = node;
        this.verb = verb;
    }

    boolean pause() {
        return name().startsWith("PAUSE_");
    }

    /**
     * The next cycle of rounds: every kind of {@code faults} in random order, or, when fewer rounds
     * remain than there are kinds, the classic kinds first, filled up with the others at random.
     */
    static List<Fault> cycle(List<Fault> faults, int roundsLeft, Random random) {
        List<Fault> all = new ArrayList<>(faults);
        Collections.shuffle(all, random);
        if (roundsLeft >= all.size()) {
            return all;
        }
        List<Fault> chosen = new ArrayList<>(
                all.stream().filter(CLASSIC::contains).limit(roundsLeft).toList());
        all.stream()
                .filter(f -> !chosen.contains(f) && !SOAK_ONLY.contains(f))
                .limit(roundsLeft - chosen.size())
                .forEach(chosen::add);
        Collections.shuffle(chosen, random);
        return chosen;
    }

    /** The default list, or the kinds named (comma-separated) in {@code spec}. */
    static List<Fault> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            // CLOCK needs libfaketime (.ci/run installs it); without it the other kinds still run
            return Arrays.stream(values())
                    .filter(f -> f != CLOCK || java.nio.file.Files.exists(FaultInjector.FAKETIME))
                    .toList();
        }
        return Arrays.stream(spec.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Fault::named)
                .toList();
    }

    private static Fault named(String name) {
        return switch (name) {
            case "INTERVIEW" -> KILL_INTERVIEW;
            case "RECTIFICATION" -> KILL_RECTIFICATION;
            case "AUDIT" -> KILL_AUDIT;
            case "KAFKA" -> STOP_KAFKA;
            case "MONGO" -> KILL_MONGO;
            case "POSTGRES" -> KILL_POSTGRES;
            default -> valueOf(name);
        };
    }
}

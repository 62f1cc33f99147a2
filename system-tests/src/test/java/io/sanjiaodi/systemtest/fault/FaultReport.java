package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.systemtest.fault.Api.Outcome;
import io.sanjiaodi.systemtest.fault.FaultInjector.Injected;
import io.sanjiaodi.systemtest.fault.IndependentChecker.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The run's figures: one line per round, and per fault kind what was acknowledged, lost, and how fast it came back. */
final class FaultReport {

    /** One round; its window is its number (window 0: before the first fault). */
    record Round(int number, Fault kind, Injected injected, int ackedWhileDown, long pipelineMillis) {
        long recoveryBeganMillis() {
            return (injected.backNanos() - injected.faultNanos()) / 1_000_000;
        }
    }

    private final List<Round> rounds = new ArrayList<>();

    void add(Round round) {
        rounds.add(round);
    }

    List<Round> rounds() {
        return rounds;
    }

    String line(Round r) {
        return "round " + r.number() + ": " + r.kind() + " (" + r.kind().verb + " "
                + r.injected().target()
                + (r.injected().detail().isEmpty() ? "" : ", " + r.injected().detail()) + "), restart/SIGCONT after "
                + r.recoveryBeganMillis() + " ms, pipeline caught up " + millis(r.pipelineMillis())
                + " after it, commands acknowledged while it was down: " + r.ackedWhileDown();
    }

    /** The per-kind table; first acknowledgement after recovery is read from the clients' records. */
    List<String> perKind(Acks interviews, Acks ledgers, Report report) {
        Map<String, List<Round>> byKind = new LinkedHashMap<>();
        byKind.put("(before the first fault)", List.of());
        for (Fault kind : Fault.values()) {
            List<Round> of = rounds.stream().filter(r -> r.kind() == kind).toList();
            if (!of.isEmpty()) {
                byKind.put(kind.name(), of);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "%-24s %6s %7s %7s %7s %5s %5s  %-24s %-24s",
                "fault kind",
                "rounds",
                "acked",
                "refused",
                "indeterm",
                "lost",
                "dupl",
                "first ack ms min/med/max",
                "pipeline ms min/med/max"));
        byKind.forEach((kind, of) -> {
            List<Integer> windows =
                    of.isEmpty() ? List.of(0) : of.stream().map(Round::number).toList();
            int[] sums = new int[5];
            for (int w : windows) {
                sums[0] += interviews.count(Outcome.ACKNOWLEDGED, w) + ledgers.count(Outcome.ACKNOWLEDGED, w);
                sums[1] += interviews.count(Outcome.REFUSED, w) + ledgers.count(Outcome.REFUSED, w);
                sums[2] += interviews.count(Outcome.INDETERMINATE, w) + ledgers.count(Outcome.INDETERMINATE, w);
                sums[3] += report.interviews().lostIn.getOrDefault(w, 0)
                        + report.ledgers().lostIn.getOrDefault(w, 0);
                sums[4] += report.interviews().duplicatedIn.getOrDefault(w, 0)
                        + report.ledgers().duplicatedIn.getOrDefault(w, 0);
            }
            List<Long> firstAck = of.stream()
                    .map(r -> {
                        long first = earliest(
                                interviews.firstAckAfter(r.injected().backNanos()),
                                ledgers.firstAckAfter(r.injected().backNanos()));
                        return first < 0 ? -1 : (first - r.injected().backNanos()) / 1_000_000;
                    })
                    .toList();
            List<Long> pipeline = of.stream().map(Round::pipelineMillis).toList();
            lines.add(String.format(
                    "%-24s %6d %7d %7d %7d %5d %5d  %-24s %-24s",
                    kind, of.size(), sums[0], sums[1], sums[2], sums[3], sums[4], spread(firstAck), spread(pipeline)));
        });
        return lines;
    }

    /** Evidence in the processes' logs that the pauses outlasted the consumers' session and poll interval. */
    static String consumerEvictions(Path work) throws IOException {
        int pollExpired = 0;
        int evicted = 0;
        try (Stream<Path> logs = Files.list(work)) {
            for (Path log :
                    logs.filter(p -> p.toString().endsWith("-service.log")).toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                    pollExpired += line.contains("consumer poll timeout has expired") ? 1 : 0;
                    evicted += line.contains("encountered UNKNOWN_MEMBER_ID") ? 1 : 0;
                }
            }
        }
        return "consumer log lines: 'poll timeout has expired' " + pollExpired
                + ", 'encountered UNKNOWN_MEMBER_ID' (evicted by the broker) " + evicted;
    }

    private static long earliest(long a, long b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static String spread(List<Long> values) {
        List<Long> known = values.stream().filter(v -> v >= 0).sorted().toList();
        if (values.isEmpty()) {
            return "-";
        }
        String missing = known.size() < values.size() ? " (" + (values.size() - known.size()) + " none)" : "";
        if (known.isEmpty()) {
            return "none" + missing;
        }
        return known.get(0) + "/" + known.get(known.size() / 2) + "/" + known.get(known.size() - 1) + missing;
    }

    private static String millis(long ms) {
        return ms < 0 ? "not within the probe's time-out" : ms + " ms";
    }
}

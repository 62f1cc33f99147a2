package io.sanjiaodi.witness;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters since start, served in the Prometheus text format at {@code /metrics}: cosignatures per
 * log and refusals per log and code. A refused fork is also in the persistent record; the counters
 * are what an alert watches.
 */
final class WitnessMetrics {

    private final Map<String, AtomicLong> cosigned = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    void cosigned(String origin) {
        cosigned.computeIfAbsent(origin, o -> new AtomicLong()).incrementAndGet();
    }

    void refused(String origin, String code) {
        refused.computeIfAbsent(origin + "\n" + code, k -> new AtomicLong()).incrementAndGet();
    }

    long refusals(String origin, String code) {
        AtomicLong n = refused.get(origin + "\n" + code);
        return n == null ? 0 : n.get();
    }

    String prometheus() {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE witness_cosignatures_total counter\n");
        new TreeMap<>(cosigned)
                .forEach((origin, n) -> out.append("witness_cosignatures_total{origin=\"")
                        .append(escape(origin))
                        .append("\"} ")
                        .append(n.get())
                        .append('\n'));
        out.append("# TYPE witness_refusals_total counter\n");
        new TreeMap<>(refused).forEach((key, n) -> {
            String[] parts = key.split("\n", 2);
            out.append("witness_refusals_total{origin=\"")
                    .append(escape(parts[0]))
                    .append("\",code=\"")
                    .append(parts[1])
                    .append("\"} ")
                    .append(n.get())
                    .append('\n');
        });
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

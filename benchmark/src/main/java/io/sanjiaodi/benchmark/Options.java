package io.sanjiaodi.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options ({@code --name=value}); every one has the local run's default.
 *
 * @param auth how requests say who acts: {@code tokens} (the demo users' tokens, signed with the
 *             local run's key; every endpoint the benchmark calls needs one)
 */
record Options(
        String interviewUrl,
        String rectificationUrl,
        String auditUrl,
        String kafka,
        String mongo,
        String postgres,
        int concurrency,
        int warmupSeconds,
        int durationSeconds,
        int baselineSeconds,
        int rebuildEvents,
        String report,
        String auth) {

    static Options parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Options options = new Options(
                given.getOrDefault("interview-url", "http://localhost:8081"),
                given.getOrDefault("rectification-url", "http://localhost:8082"),
                given.getOrDefault("audit-url", "http://localhost:8083"),
                given.getOrDefault("kafka", "localhost:9092"),
                given.getOrDefault("mongo", "mongodb://localhost:27017"),
                given.getOrDefault("postgres", "jdbc:postgresql://localhost:5432/sanjiaodi"),
                Integer.parseInt(given.getOrDefault("concurrency", "16")),
                Integer.parseInt(given.getOrDefault("warmup", "15")),
                Integer.parseInt(given.getOrDefault("duration", "60")),
                Integer.parseInt(given.getOrDefault("baseline", "10")),
                Integer.parseInt(given.getOrDefault("rebuild-events", "1000000")),
                given.getOrDefault("report", "target/benchmark-report.md"),
                given.getOrDefault("auth", "tokens"));
        given.keySet()
                .removeAll(Set.of(
                        "interview-url",
                        "rectification-url",
                        "audit-url",
                        "kafka",
                        "mongo",
                        "postgres",
                        "concurrency",
                        "warmup",
                        "duration",
                        "baseline",
                        "rebuild-events",
                        "report",
                        "auth"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        return options;
    }
}

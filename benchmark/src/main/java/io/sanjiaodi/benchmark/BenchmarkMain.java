package io.sanjiaodi.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * {@code java -jar benchmark/target/benchmark-*-exec.jar [--name=value ...]} against the local run
 * (./run.sh); see benchmark/README.md for the options. Prints the report and writes it to
 * {@code --report} (Markdown, for docs/benchmarks.md).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        // before the first logger exists; the file is not called logback.xml so that it cannot
        // take over the logging of a JVM that has this jar on its class path (the system tests)
        System.setProperty("logback.configurationFile", "logback-benchmark.xml");
        run(args);
        System.exit(0);
    }

    /** One run with the given options; prints and writes the report, and returns its key counts. */
    public static Outcome run(String... args) throws Exception {
        Options options = Options.parse(args);
        return run(options, Credentials.forMode(options.auth()));
    }

    /**
     * One run whose requests carry the bearer token {@code tokenForRole} gives for a role
     * ({@code SUPERVISOR}, {@code AUDITOR}, {@code UNIT:<unitId>}); the CI smoke test signs them
     * with the tests' key.
     */
    public static Outcome run(Function<String, String> tokenForRole, String... args) throws Exception {
        return run(Options.parse(args), Credentials.bearer(tokenForRole));
    }

    private static Outcome run(Options options, Function<String, String[]> credentials) throws Exception {
        Benchmark.Results results = new Benchmark(options, credentials).run();
        String report = new Report(results).markdown();
        System.out.println();
        System.out.println(report);
        Path file = Path.of(options.report());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, report);
        Benchmark.log("report written to " + file.toAbsolutePath());
        Latencies.Summary commands = Latencies.combined(results.timings.interview, results.timings.rectification);
        return new Outcome(
                report,
                results.timings.interview.summary().count(),
                results.timings.rectification.summary().count(),
                commands.errors(),
                results.endToEnd.toLedger.summary().count(),
                results.endToEnd.toAudit.summary().count(),
                results.endToEnd.toDashboard.summary().count(),
                results.baselines.stream()
                        .mapToDouble(RawBaselines.Result::perSecond)
                        .min()
                        .orElse(0),
                results.rebuild == null ? 0 : results.rebuild.events(),
                results.rebuild == null ? 0 : results.rebuild.changed(),
                Boolean.TRUE.equals(results.verification.get("ok")));
    }

    /** What a run measured, in numbers a test can check. */
    public record Outcome(
            String report,
            long interviewCommands,
            long rectificationCommands,
            long commandErrors,
            long ledgerSamples,
            long auditSamples,
            long dashboardSamples,
            double slowestBaselinePerSecond,
            long rebuildEvents,
            long rebuildChanged,
            boolean auditVerified) {}
}

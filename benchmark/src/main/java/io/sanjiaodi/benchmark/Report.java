package io.sanjiaodi.benchmark;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** The run as Markdown: printed at the end and written to the report file for docs/benchmarks.md. */
final class Report {

    private final Benchmark.Results r;
    private final StringBuilder out = new StringBuilder();

    Report(Benchmark.Results results) {
        this.r = results;
    }

    String markdown() {
        Options o = r.options;
        line("## Whole-pipeline run " + Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + System.getProperty("java.version") + "; load average before " + r.loadAverageBefore
                + ", after the load " + r.loadAverageAfter + ".");
        line("Load: " + o.concurrency() + " virtual users, " + o.warmupSeconds() + " s warm-up, " + o.durationSeconds()
                + " s measured; raw baselines " + o.baselineSeconds() + " s each with the same number of clients.");
        line("");
        line("### Commands (acknowledged, client-side latency)");
        line("| service | commands | commands/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
        line("|---|---|---|---|---|---|---|---|");
        commandRow("interview-service", r.timings.interview.summary());
        commandRow("rectification-service", r.timings.rectification.summary());
        commandRow("**system**", Latencies.combined(r.timings.interview, r.timings.rectification));
        line("");
        line("Flows: " + r.timings.tasksVerified.get() + " tasks planned, reported on and verified.");
        line("");
        line("### End to end from `InterviewConducted` stored");
        line("| to | samples | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---|---|---|---|---|---|");
        latencyRow("ledger opened (`RectificationOpened` stored)", r.endToEnd.toLedger.summary());
        latencyRow("audit trail entry appended", r.endToEnd.toAudit.summary());
        latencyRow("dashboard projection changed (live stream)", r.endToEnd.toDashboard.summary());
        line("");
        line("### Raw baselines on the same broker and stores");
        line("| baseline | ops/s | p50 ms | p99 ms | produce → consume p50 / p99 ms |");
        line("|---|---|---|---|---|");
        for (RawBaselines.Result b : r.baselines) {
            line(
                    "| %s | %,.0f | %.2f | %.2f | %s |",
                    b.name(),
                    b.perSecond(),
                    b.latency().p50(),
                    b.latency().p99(),
                    b.roundTrip() == null
                            ? "—"
                            : String.format(
                                    Locale.ROOT,
                                    "%.2f / %.2f",
                                    b.roundTrip().p50(),
                                    b.roundTrip().p99()));
        }
        double combined = r.baselines.get(r.baselines.size() - 1).perSecond();
        line("");
        line(
                "Pipeline: %,.0f commands/s = **%.0f %%** of the raw per-command floor (%s, %,.0f ops/s).",
                r.commandsPerSecond(),
                100 * r.commandsPerSecond() / combined,
                r.baselines.get(r.baselines.size() - 1).name(),
                combined);
        line("");
        line("### Rebuild, verification, memory");
        if (r.rebuild != null) {
            line(
                    "- Projection rebuild (supervision models, production replay code): %,d events in %.1f s = **%,.0f events/s**"
                            + " (%,d changed a model).",
                    r.rebuild.events(), r.rebuild.millis() / 1000.0, r.rebuild.eventsPerSecond(), r.rebuild.changed());
        }
        long entries = ((Number) r.verification.get("entries")).longValue();
        double seconds = ((Number) r.verification.get("seconds")).doubleValue();
        line(
                "- Audit re-verification (`POST /api/audit/verify`, stored log read and recomputed): %,d entries in %.1f s = "
                        + "**%,.0f leaves/s**, ok = %s.",
                entries, seconds, entries / seconds, r.verification.get("ok"));
        line("");
        line("| process | RSS at end of load MiB | peak RSS under load MiB |");
        line("|---|---|---|");
        for (Map.Entry<String, long[]> p : r.rss.entrySet()) {
            line("| %s | %,d | %,d |", p.getKey(), p.getValue()[0], p.getValue()[1]);
        }
        line("");
        targets(combined);
        if (!r.errors.isEmpty()) {
            line("");
            line("First errors:");
            r.errors.forEach(e -> line("- `" + e.replace('`', '\'') + "`"));
        }
        return out.toString();
    }

    private void targets(double combined) {
        Latencies.Summary all = Latencies.combined(r.timings.interview, r.timings.rectification);
        line("### Targets");
        line("| target | figure | met |");
        line("|---|---|---|");
        target(
                "≥ 1,000 commands/s sustained",
                String.format(Locale.ROOT, "%,.0f/s", r.commandsPerSecond()),
                r.commandsPerSecond() >= 1000);
        target("p99 command latency < 100 ms", String.format(Locale.ROOT, "%.1f ms", all.p99()), all.p99() < 100);
        double audit = r.endToEnd.toAudit.summary().p99();
        target("p99 `InterviewConducted` → audit < 500 ms", String.format(Locale.ROOT, "%.0f ms", audit), audit < 500);
        double share = r.commandsPerSecond() / combined;
        target("pipeline ≥ 50 % of raw baseline", String.format(Locale.ROOT, "%.0f %%", 100 * share), share >= 0.5);
        if (r.rebuild != null) {
            target(
                    "rebuild ≥ 20,000 events/s",
                    String.format(Locale.ROOT, "%,.0f/s", r.rebuild.eventsPerSecond()),
                    r.rebuild.eventsPerSecond() >= 20_000);
        }
    }

    private void commandRow(String service, Latencies.Summary s) {
        line(
                "| %s | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f | %d |",
                service, s.count(), s.count() / r.seconds, s.p50(), s.p95(), s.p99(), s.max(), s.errors());
    }

    private void latencyRow(String to, Latencies.Summary s) {
        line("| %s | %,d | %.0f | %.0f | %.0f | %.0f |", to, s.count(), s.p50(), s.p95(), s.p99(), s.max());
    }

    private void target(String target, String figure, boolean met) {
        line("| %s | %s | %s |", target, figure, met ? "yes" : "**no**");
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args))
                .append('\n');
    }
}

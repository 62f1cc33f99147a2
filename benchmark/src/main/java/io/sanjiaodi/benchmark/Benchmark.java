package io.sanjiaodi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.supervision.intake.SupervisionReplay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One benchmark run against a running system, every figure taken in the same run: the raw
 * baselines first (so the system's own work does not slow them), then warm-up and the measured
 * load with memory sampled every second, then the end-to-end latencies from the audit export,
 * audit re-verification and the projection rebuild.
 */
final class Benchmark {

    private final Options options;
    private final Function<String, String[]> credentials;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    /** @param credentials the request headers for a role (see {@link Credentials}) */
    Benchmark(Options options, Function<String, String[]> credentials) {
        this.options = options;
        this.credentials = credentials;
    }

    Results run() throws Exception {
        Results results = new Results(options);
        results.loadAverageBefore = LoadAverage.read();
        log("raw baselines (" + options.baselineSeconds() + " s each, " + options.concurrency() + " clients) ...");
        results.baselines = new RawBaselines(options.kafka(), options.mongo(), options.postgres(), runId)
                .measure(options.concurrency(), Duration.ofSeconds(options.baselineSeconds()));
        Api api = new Api(credentials);
        Flow.Targets targets = new Flow.Targets(options.interviewUrl(), options.rectificationUrl(), options.auditUrl());
        try (EndToEnd endToEnd = new EndToEnd(options.auditUrl(), api.headers("SUPERVISOR"))) {
            endToEnd.listen();
            log("warm-up " + options.warmupSeconds() + " s ...");
            drive(api, targets, new Timings(), options.warmupSeconds(), null);
            log("load " + options.durationSeconds() + " s with " + options.concurrency() + " virtual users ...");
            long since = System.currentTimeMillis();
            Rss rss = new Rss();
            results.timings = new Timings();
            results.seconds = drive(api, targets, results.timings, options.durationSeconds(), rss);
            results.rss = rss.figures();
            results.loadAverageAfter = LoadAverage.read();
            log("waiting for the pipeline to settle, then reading the audit trail ...");
            Thread.sleep(5_000);
            endToEnd.collect(since);
            results.endToEnd = endToEnd;
        }
        results.verification = verifyAudit();
        if (options.rebuildEvents() > 0) {
            log("projection rebuild from " + options.rebuildEvents() + " events ...");
            results.rebuild =
                    new RebuildBenchmark(options.kafka(), options.mongo(), runId).run(options.rebuildEvents());
        }
        results.errors = Errors.first();
        return results;
    }

    /** @return the measured seconds */
    private double drive(Api api, Flow.Targets targets, Timings timings, int seconds, Rss rss)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> users = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int u = 0; u < options.concurrency(); u++) {
            Thread user = new Thread(
                    new Flow(api, targets, timings, runId + (rss == null ? "w" : "m"), u, running::get), "user-" + u);
            users.add(user);
            user.start();
        }
        long end = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (rss != null) {
                rss.sample();
            }
            Thread.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
        }
        running.set(false);
        double measured = (System.nanoTime() - t0) / 1e9;
        for (Thread user : users) {
            user.join();
        }
        return measured;
    }

    /** POST /api/audit/verify: the whole stored log re-read and recomputed, timed at the client. */
    private Map<String, Object> verifyAudit() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.auditUrl() + "/api/audit/verify"))
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .headers(credentials.apply("AUDITOR"));
        long t0 = System.nanoTime();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (response.statusCode() != 200) {
            Errors.note("audit verify → " + response.statusCode() + " " + response.body());
            return Map.of("ok", false, "entries", 0L, "seconds", seconds);
        }
        JsonNode report = Api.JSON.readTree(response.body());
        return Map.of(
                "ok",
                report.path("ok").asBoolean(),
                "entries",
                report.path("entries").asLong(),
                "seconds",
                seconds);
    }

    static void log(String message) {
        System.out.println("[benchmark] " + message);
    }

    /** Everything the report prints. */
    static final class Results {
        final Options options;
        String loadAverageBefore;
        String loadAverageAfter;
        List<RawBaselines.Result> baselines;
        Timings timings;
        double seconds;
        Map<String, long[]> rss;
        EndToEnd endToEnd;
        Map<String, Object> verification;
        SupervisionReplay.Result rebuild;
        List<String> errors;

        Results(Options options) {
            this.options = options;
        }

        long commands() {
            return timings.interview.summary().count()
                    + timings.rectification.summary().count();
        }

        double commandsPerSecond() {
            return commands() / seconds;
        }
    }
}

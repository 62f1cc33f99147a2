package io.sanjiaodi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * End-to-end latency from {@code InterviewConducted} being stored in interview-service's event
 * store (the CloudEvent {@code time}) to (a) {@code RectificationOpened} stored by
 * rectification-service, (b) the entry appended to the audit trail ({@code recordedAt}) and (c) the
 * dashboard projection having changed (its server-sent event reaching a client). (a) and (b) come
 * from the audit export after the run, (c) from a live stream opened before it. All clocks are the
 * one machine's; export times are milliseconds.
 */
final class EndToEnd implements AutoCloseable {

    final Latencies toLedger = new Latencies();
    final Latencies toAudit = new Latencies();
    final Latencies toDashboard = new Latencies();
    private final Map<String, Long> dashboardArrivalMillis = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String auditUrl;
    private final String[] headers;
    private volatile Thread listener;
    private volatile boolean open = true;

    EndToEnd(String auditUrl, String[] headers) {
        this.auditUrl = auditUrl;
        this.headers = headers;
    }

    /** Subscribes to the dashboard's live stream; returns once it is connected. */
    void listen() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(auditUrl + "/api/supervision/stream"))
                .GET()
                .headers(headers);
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("dashboard stream answered " + response.statusCode());
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        listener = new Thread(() -> read(lines), "dashboard-stream");
        listener.setDaemon(true);
        listener.start();
    }

    private void read(BufferedReader lines) {
        try (lines) {
            String line;
            while (open && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    long now = System.currentTimeMillis();
                    JsonNode change = Api.JSON.readTree(line.substring(5));
                    if ("InterviewConducted".equals(change.path("type").asText())) {
                        dashboardArrivalMillis.putIfAbsent(
                                change.path("eventId").asText(), now);
                    }
                }
            }
        } catch (IOException closed) {
            // the stream ends with the run
        }
    }

    /** Reads the audit export once and computes the three latencies for talks after {@code sinceMillis}. */
    void collect(long sinceMillis) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(auditUrl + "/api/audit/export"))
                .GET()
                .headers(headers);
        Map<String, Long> conductedAt = new HashMap<>();
        Map<String, Long> openedAt = new HashMap<>();
        HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("audit export answered " + response.statusCode());
        }
        try (var lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode entry = Api.JSON.readTree(line);
                long eventTime = entry.path("eventTime").asLong();
                if (eventTime < sinceMillis) {
                    continue;
                }
                switch (entry.path("type").asText()) {
                    case "InterviewConducted" -> {
                        conductedAt.put(entry.path("aggregateId").asText(), eventTime);
                        toAudit.record((entry.path("recordedAt").asLong() - eventTime) * 1_000_000);
                        Long shown =
                                dashboardArrivalMillis.get(entry.path("eventId").asText());
                        if (shown != null) {
                            toDashboard.record((shown - eventTime) * 1_000_000);
                        }
                    }
                    case "RectificationOpened" ->
                        openedAt.put(
                                entry.path("payload")
                                        .path("interviewId")
                                        .asText(entry.path("aggregateId")
                                                .asText()
                                                .replaceFirst("^ledger-", "")),
                                eventTime);
                    default -> {}
                }
            }
        }
        conductedAt.forEach((interview, at) -> {
            Long opened = openedAt.get(interview);
            if (opened != null) {
                toLedger.record((opened - at) * 1_000_000);
            }
        });
    }

    @Override
    public void close() {
        open = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}

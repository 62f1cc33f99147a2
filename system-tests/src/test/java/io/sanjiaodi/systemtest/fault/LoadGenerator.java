package io.sanjiaodi.systemtest.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Issues interview flows (schedule, three list items, conduct) while faults happen, and records
 * exactly what the services acknowledged (2xx). An unanswered command is not acknowledged: it may
 * or may not have happened, and the checker allows both — but never twice.
 */
final class LoadGenerator implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<String> interviewUrl;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger attempted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean running = true;

    LoadGenerator(Supplier<String> interviewUrl) {
        this.interviewUrl = interviewUrl;
    }

    @Override
    public void run() {
        int n = 0;
        while (running) {
            flow(n++);
        }
    }

    void stop() {
        running = false;
    }

    /** interview id → the event types whose commands were acknowledged, in order. */
    Map<String, List<String>> acknowledged() {
        return acknowledged;
    }

    int attempted() {
        return attempted.get();
    }

    int refused() {
        return refused.get();
    }

    int accepted() {
        return accepted.get();
    }

    /** nb-coop is a seeded unit of the registry: scheduling takes only registered units. */
    private void flow(int n) {
        JsonNode created = post("/api/interviews", """
                {"interviewee": {"name": "对象%1$d", "position": "党委书记", "unitId": "nb-coop", "unitName": "市支援合作局",
                 "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2018-10-20"},
                 "plannedDate": "2018-11-15", "place": "谈话室", "leadInterviewerId": "nb-secretary"}""".formatted(n));
        if (created == null) {
            return;
        }
        String id = created.get("id").asText();
        List<String> events = new ArrayList<>(List.of("InterviewScheduled"));
        acknowledged.put(id, events);
        String base = "/api/interviews/" + id;
        if (post(base + "/responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"专题研究\"}") == null
                || !events.add("ResponsibilityItemAdded")
                || post(
                                base + "/problems",
                                "{\"aspect\": \"工程\", \"description\": \"问题\", \"sourceChannel\": \"INSPECTION_TOUR\"}")
                        == null
                || !events.add("ProblemItemAdded")
                || post(base + "/risks", "{\"businessArea\": \"食堂\", \"description\": \"风险\", \"level\": \"LOW\"}")
                        == null
                || !events.add("RiskItemAdded")) {
            return;
        }
        if (post(base + "/conduct", """
                {"conductedOn": "2018-11-15", "leadInterviewerId": "nb-secretary", "handedOverById": "nb-office-1-director",
                 "recordSummary": "要点", "recordSignature": {"signedBy": "对象", "signedAt": "2018-11-15T02:30:00Z"},
                 "commitmentSignature": {"signedBy": "对象", "signedAt": "2018-11-15T02:31:00Z"}}""") != null) {
            events.add("InterviewConducted");
        }
    }

    /** @return the answer body (an empty object for no content), or null when not acknowledged */
    private JsonNode post(String path, String body) {
        attempted.incrementAndGet();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(interviewUrl.get() + path))
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/json")
                            .header(
                                    "Authorization",
                                    io.sanjiaodi.platform.security.TestTokens.bearer(
                                            io.sanjiaodi.platform.security.TestTokens.token("office")))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                accepted.incrementAndGet();
                return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            }
            refused.incrementAndGet();
        } catch (Exception unanswered) {
            refused.incrementAndGet();
            Cluster.sleep(200);
        }
        return null;
    }
}

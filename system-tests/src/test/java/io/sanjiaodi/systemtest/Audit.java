package io.sanjiaodi.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.platform.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The whole audit trail, read once through its export (JSON lines) as the auditor. */
public final class Audit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String auditUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public Audit(String auditUrl) {
        this.auditUrl = auditUrl;
    }

    /** How many audit entries each event id has. */
    public Map<String, Integer> countsByEventId() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        eventIdsByAggregate().values().forEach(ids -> ids.forEach(id -> counts.merge(id, 1, Integer::sum)));
        return counts;
    }

    /** The entries' event ids per aggregate, in log order (one read: a query per aggregate would scan each time). */
    public Map<String, List<String>> eventIdsByAggregate() throws Exception {
        HttpResponse<String> export = http.send(
                HttpRequest.newBuilder(URI.create(auditUrl + "/api/audit/export"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", TestTokens.bearer(TestTokens.token("auditor")))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (export.statusCode() != 200) {
            throw new IllegalStateException("audit export: " + export.statusCode() + " " + export.body());
        }
        Map<String, List<String>> byAggregate = new HashMap<>();
        for (String line : export.body().split("\n")) {
            if (!line.isBlank()) {
                JsonNode entry = JSON.readTree(line);
                byAggregate
                        .computeIfAbsent(entry.path("aggregateId").asText(), k -> new ArrayList<>())
                        .add(entry.get("eventId").asText());
            }
        }
        return byAggregate;
    }
}

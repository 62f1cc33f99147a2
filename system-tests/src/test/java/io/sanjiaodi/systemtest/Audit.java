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
import java.util.HashMap;
import java.util.Map;

/** The whole audit trail, read once through its export (JSON lines) as the auditor. */
final class Audit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String auditUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    Audit(String auditUrl) {
        this.auditUrl = auditUrl;
    }

    /** How many audit entries each event id has. */
    Map<String, Integer> countsByEventId() throws Exception {
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(URI.create(auditUrl + "/api/audit/export"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", TestTokens.bearer(TestTokens.token("auditor"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (export.statusCode() != 200) {
            throw new IllegalStateException("audit export: " + export.statusCode() + " " + export.body());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String line : export.body().split("\n")) {
            if (!line.isBlank()) {
                JsonNode entry = JSON.readTree(line);
                counts.merge(entry.get("eventId").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }
}

package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated requests against every operation of every service's OpenAPI document: none may end
 * in a 5xx, and every refusal is a problem with a stable code. The seed is printed so a failure
 * can be replayed ({@code -Dfuzz.seed=...}).
 */
class OpenApiFuzzSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("fuzz_");

    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 12);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void randomValidAndInvalidRequestsNeverCauseAServerError() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("OpenApiFuzzSystemTest seed " + seed);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Service service : Service.values()) {
            String base = LOCAL.services().url(service);
            JsonNode openApi = new Http().get(base + "/v3/api-docs").body();
            RequestFuzzer fuzzer = new RequestFuzzer(seed + service.ordinal(), openApi);
            Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().endsWith("/stream")) {
                    continue; // server-sent events never end; the stream has no input to fuzz
                }
                Iterator<Map.Entry<String, JsonNode>> operations =
                        path.getValue().fields();
                while (operations.hasNext()) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    for (int round = 0; round < ROUNDS; round++) {
                        String url = base
                                + fuzzer.path(path.getKey())
                                + fuzzer.query(operation.getValue().path("parameters"));
                        String method = operation.getKey().toUpperCase();
                        String body = method.equals("POST") || method.equals("PUT")
                                ? fuzzer.body(operation.getValue())
                                : null;
                        HttpResponse<String> response = send(method, url, body);
                        requests++;
                        check(response, method + " " + url + " " + body, failures);
                    }
                }
            }
        }
        HttpResponse<String> oversized = send(
                "POST",
                LOCAL.services().url(Service.INTERVIEW) + "/api/interviews",
                "{\"place\": \"" + "大".repeat(2_000_000) + "\"}");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).contains("PAYLOAD_TOO_LARGE");
        System.out.println("OpenApiFuzzSystemTest sent " + requests + " requests");
        assertThat(requests).isGreaterThan(200);
        assertThat(failures)
                .as("requests answered with a server error or without a problem code")
                .isEmpty();
    }

    private static void check(HttpResponse<String> response, String request, List<String> failures) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(status + " for " + request + " -> " + response.body());
        } else if (status >= 400 && !response.body().contains("\"code\"")) {
            failures.add(status + " without code for " + request + " -> " + response.body());
        }
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                // a valid token of a user the endpoint admits, so the requests reach the handlers
                .header("Authorization", Http.bearerFor(method, url));
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

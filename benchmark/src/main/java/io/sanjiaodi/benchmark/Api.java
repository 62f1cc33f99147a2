package io.sanjiaodi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * The services' HTTP API as a client sees it. Every command is timed from the request being sent
 * to the acknowledgement read, and counted under its service. A refusal (4xx/5xx) or a timeout is
 * an error in the report, never a silent retry.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Function<String, String[]> headersForRole;

    /** @param headersForRole the request headers that say who acts in a role (sign-in), as name/value pairs */
    Api(Function<String, String[]> headersForRole) {
        this.headersForRole = headersForRole;
    }

    /** A command: POST, expected 2xx; the answer's JSON or null on a refusal (counted as an error). */
    JsonNode command(String url, String body, String role, Latencies timing) {
        return command("POST", url, body, role, timing);
    }

    /** A command with another method (PUT), as {@link #command(String, String, String, Latencies)}. */
    JsonNode command(String method, String url, String body, String role, Latencies timing) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response =
                    client.send(withRole(request, role).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                timing.error();
                Errors.note(url + " → " + response.statusCode() + " " + response.body());
                return null;
            }
            timing.record(System.nanoTime() - t0);
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            timing.error();
            Errors.note(url + " → " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A query: the JSON body, or null for 404. */
    JsonNode get(String url, String role) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .GET();
        HttpResponse<String> response =
                client.send(withRole(request, role).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " → " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The request headers for a role, e.g. to open a stream with another client. */
    String[] headers(String role) {
        return headersForRole.apply(role);
    }

    private HttpRequest.Builder withRole(HttpRequest.Builder request, String role) {
        return request.headers(headersForRole.apply(role));
    }
}

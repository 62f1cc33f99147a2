package io.sanjiaodi.systemtest.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.platform.security.TestTokens;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The clients' HTTP: every answer classified as the checker needs it. A 2xx is acknowledged; a 4xx,
 * or a connection that was never made, is refused (nothing was sent to a handler, or it said no);
 * a 5xx, a time-out or a connection lost after the request went out is indeterminate: the change
 * may or may not have happened.
 */
final class Api {

    enum Outcome {
        ACKNOWLEDGED,
        REFUSED,
        INDETERMINATE
    }

    record Answer(Outcome outcome, int status, JsonNode body) {
        boolean acknowledged() {
            return outcome == Outcome.ACKNOWLEDGED;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Answer post(String url, String json, String token) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/json")
                            .header("Authorization", TestTokens.bearer(token))
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                String body = response.body();
                return new Answer(
                        Outcome.ACKNOWLEDGED, status, body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
            }
            return new Answer(status / 100 == 4 ? Outcome.REFUSED : Outcome.INDETERMINATE, status, null);
        } catch (ConnectException | HttpConnectTimeoutException notConnected) {
            return new Answer(Outcome.REFUSED, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.INDETERMINATE, 0, null);
        } catch (Exception unanswered) {
            return new Answer(Outcome.INDETERMINATE, 0, null);
        }
    }

    /** @return the body of a 200, or null for any other answer or none */
    JsonNode get(String url, String token) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", TestTokens.bearer(token))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception unanswered) {
            return null;
        }
    }
}

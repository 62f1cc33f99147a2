package io.sanjiaodi.audit.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** One add-checkpoint request (tlog-witness.md) and what came back; no retries here. */
class WitnessClient {

    /** What a witness answered: its status and body, or that it could not be reached (status 0). */
    record Answer(int status, String body, String contentType) {
        boolean unreachable() {
            return status == 0;
        }

        /** The same answer with the log's own finding about it as its first line (for health and logs). */
        Answer withDetail(String detail) {
            return new Answer(status, detail, "text/plain");
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    WitnessClient(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    Answer addCheckpoint(URI prefix, long oldSize, List<byte[]> proof, String signedNote) {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        for (byte[] hash : proof) {
            body.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        body.append('\n').append(signedNote);
        String base = prefix.toString().replaceAll("/+$", "");
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/add-checkpoint"))
                            .timeout(timeout)
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            return new Answer(0, e.getClass().getSimpleName() + ": " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", "");
        }
    }
}

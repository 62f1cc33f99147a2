package io.sanjiaodi.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.devstack.DemoUsers;
import io.sanjiaodi.platform.security.Role;
import io.sanjiaodi.platform.security.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain JSON-over-HTTP client: the system tests talk to the services only through their APIs,
 * each request with a bearer token (security contract). Unless a test names the user
 * ({@link #as(String)}), a request goes as the user who would make it: the administrator for
 * templates, the people and unit registries and dead letters, the ledger's own unit for a unit's ledger
 * action, otherwise the supervision office.
 */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEDGER = Pattern.compile("^(https?://[^/]+)/api/ledgers/([^/?]+)");
    private static final Pattern UNIT_ACTION = Pattern.compile(
            "/api/ledgers/[^/]+/(tasks/[^/]+/(plan|extensions|cascade|sub-tasks/[^/]+/completion|progress|evidence)"
                    + "|regulations|written-report)$");
    /** Signs the devstack demo loader's tokens with the tests' key. */
    static final DemoUsers.Signer SIGNER = u ->
            TestTokens.token(u.id(), Role.valueOf(u.role()), u.jurisdictionId(), u.unitId(), u.supervisedUnitIds());

    private static final Map<String, JsonNode> LEDGERS = new ConcurrentHashMap<>();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A fixed token, "" for none; null: the user who would make the request. */
    private final String token;

    record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        Response(int status, JsonNode body) {
            this(status, body, java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true));
        }

        /** The header's first value, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Http() {
        this(null);
    }

    private Http(String token) {
        this.token = token;
    }

    /** Every request as the contract's demo user with this id. */
    static Http as(String userId) {
        return new Http(TestTokens.token(userId));
    }

    /** Every request with this token (expired, tampered, ...). */
    static Http withToken(String token) {
        return new Http(token);
    }

    /** Requests without any token. */
    static Http anonymous() {
        return new Http("");
    }

    Response post(String url, String json) {
        return send(authorized(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                "POST",
                url,
                null));
    }

    /** A POST with one more header (e.g. Idempotency-Key). */
    Response post(String url, String json, String header, String value) {
        return send(authorized(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header(header, value)
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                "POST",
                url,
                null));
    }

    /**
     * A write in the name of a ledger role: {@code UNIT} is the ledger's own unit, {@code SUPERVISOR}
     * the supervision office, {@code SUPERVISING_BODY} the unit's supervising body; any other value
     * names a demo user of the contract.
     */
    Response post(String url, String json, String role) {
        return send(authorized(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                "POST",
                url,
                role));
    }

    Response put(String url, String json) {
        return send(authorized(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                "PUT",
                url,
                null));
    }

    Response get(String url) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)).GET(), "GET", url, null));
    }

    /** A GET with one more header (e.g. Consistency-Token). */
    Response get(String url, String header, String value) {
        return send(authorized(
                HttpRequest.newBuilder(URI.create(url)).header(header, value).GET(), "GET", url, null));
    }

    /** A download's bytes (a document, an export); anything but 200 fails with the answer. */
    byte[] bytes(String url) {
        HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(url)).GET(), "GET", url, null);
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        url + " -> " + response.statusCode() + " " + new String(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response delete(String url) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)).DELETE(), "DELETE", url, null));
    }

    /** Any method, with or without a JSON body (the matrix test). */
    Response send(String method, String url, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(authorized(request, method, url, null));
    }

    /** The bearer token header value the default user would send (for clients other than this one). */
    /** A multipart/form-data body of one part {@code file}, with boundary {@code b}. */
    static byte[] multipartFile(String fileName, String contentType, byte[] content) {
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "\r\n--b--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return body;
    }

    static String bearerFor(String method, String url) {
        return TestTokens.bearer(SIGNER.apply(defaultUser(method, url, null)));
    }

    private HttpRequest authorized(HttpRequest.Builder request, String method, String url, String role) {
        String bearer = token != null ? token : SIGNER.apply(defaultUser(method, url, role));
        if (!bearer.isEmpty()) {
            request.header("Authorization", TestTokens.bearer(bearer));
        }
        return request.build();
    }

    static DemoUsers.User defaultUser(String method, String url, String role) {
        String path = URI.create(url).getPath();
        if (role == null) {
            if (path.startsWith("/api/dead-letters")
                    || path.startsWith("/api/people") && !method.equals("GET")
                    || path.startsWith("/api/units") && !method.equals("GET")
                    || path.startsWith("/api/templates") && !method.equals("GET")) {
                return DemoUsers.user("admin");
            }
            if (path.startsWith("/api/audit/security-events")) {
                return DemoUsers.user("auditor");
            }
            role = !method.equals("GET") && UNIT_ACTION.matcher(path).find() ? "UNIT" : "SUPERVISOR";
        }
        return switch (role) {
            case "SUPERVISOR" -> DemoUsers.user("office");
            case "UNIT" -> {
                JsonNode ledger = ledger(url);
                yield ledger == null
                        ? DemoUsers.user("unit-leader")
                        : DemoUsers.unitLeader(
                                ledger.path("unitId").asText(),
                                ledger.path("jurisdictionId").asText());
            }
            case "SUPERVISING_BODY" -> {
                JsonNode ledger = ledger(url);
                yield ledger == null
                        ? DemoUsers.user("stationed")
                        : DemoUsers.supervisingBody(
                                ledger.path("unitId").asText(),
                                ledger.path("jurisdictionId").asText());
            }
            default -> DemoUsers.user(role);
        };
    }

    /** The ledger a URL names, read once as the supervision office; null when there is none (yet). */
    private static JsonNode ledger(String url) {
        Matcher m = LEDGER.matcher(url);
        if (!m.find()) {
            return null;
        }
        JsonNode cached = LEDGERS.get(m.group(2));
        if (cached != null) {
            return cached;
        }
        Response found = as("office").get(m.group(1) + "/api/ledgers/" + m.group(2));
        if (found.status() != 200) {
            return null;
        }
        LEDGERS.put(m.group(2), found.body());
        return found.body();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json;
            try {
                json = body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException notJson) {
                json = JSON.getNodeFactory().textNode(body);
            }
            return new Response(response.statusCode(), json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

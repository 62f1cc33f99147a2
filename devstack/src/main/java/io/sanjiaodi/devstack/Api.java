package io.sanjiaodi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small JSON client of the public APIs: demo data goes in the way a user's data does, each
 * request with the bearer token of the user who would make it (security contract): templates as
 * the administrator, interviews and reads as the supervision office, ledger actions as the
 * ledger's own unit, the office or the unit's supervising body.
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEDGER = Pattern.compile("^/api/ledgers/([^/?]+)");
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<String> base;
    private final DemoUsers.Signer signer;
    private final Map<String, JsonNode> ledgers = new ConcurrentHashMap<>();

    /** Signs with the local run's key ({@link DevTokens#fromDataDir()}). */
    public Api(String base) {
        this(base, DevTokens.fromDataDir());
    }

    public Api(String base, DemoUsers.Signer signer) {
        this(() -> base, signer);
    }

    /** {@code base} is asked before every request: several instances of a service take turns. */
    public Api(Supplier<String> base, DemoUsers.Signer signer) {
        this.base = base;
        this.signer = signer;
    }

    /** As the supervision office. */
    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base.get() + path)).GET(), DemoUsers.user("office"));
    }

    /** Templates and the people registry as the administrator, everything else as the supervision office. */
    public JsonNode post(String path, Object body) {
        DemoUsers.User user = path.startsWith("/api/templates") || path.startsWith("/api/people")
                ? DemoUsers.user("admin")
                : DemoUsers.user("office");
        return post(path, body, user);
    }

    /**
     * A ledger action in the name of a ledger role: {@code UNIT} is the ledger's own unit leader,
     * {@code SUPERVISOR} the supervision office, {@code SUPERVISING_BODY} the body supervising the unit.
     */
    public JsonNode post(String path, Object body, String role) {
        return post(
                path,
                body,
                switch (role) {
                    case "UNIT" -> DemoUsers.unitLeader(ledgerUnit(path), ledgerJurisdiction(path));
                    case "SUPERVISING_BODY" -> DemoUsers.supervisingBody(ledgerUnit(path), ledgerJurisdiction(path));
                    case "SUPERVISOR" -> DemoUsers.user("office");
                    default -> DemoUsers.user(role);
                });
    }

    public JsonNode post(String path, Object body, DemoUsers.User user) {
        return send(
                HttpRequest.newBuilder(URI.create(base.get() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(body))),
                user);
    }

    private String ledgerUnit(String path) {
        return ledger(path).path("unitId").asText(null);
    }

    private String ledgerJurisdiction(String path) {
        return ledger(path).path("jurisdictionId").asText(null);
    }

    private JsonNode ledger(String path) {
        Matcher m = LEDGER.matcher(path);
        if (!m.find()) {
            throw new IllegalArgumentException(path + " names no ledger: which unit acts?");
        }
        return ledgers.computeIfAbsent(m.group(1), id -> get("/api/ledgers/" + id));
    }

    private JsonNode send(HttpRequest.Builder request, DemoUsers.User user) {
        try {
            request.header("Authorization", "Bearer " + signer.apply(user));
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.request().method() + " "
                        + response.request().uri() + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

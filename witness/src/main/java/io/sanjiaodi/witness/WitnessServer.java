package io.sanjiaodi.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The witness over HTTP with the JDK's own server: {@code POST <prefix>/add-checkpoint} (tlog-witness),
 * {@code GET <prefix>/<origin hash>/checkpoint} (the monitor retrieval), {@code GET /state} (JSON: each
 * log's size, root and refusals), {@code GET /metrics} (Prometheus) and {@code GET /health}.
 */
public final class WitnessServer implements AutoCloseable {

    /** A request larger than this is refused unread: 63 proof lines and 64 large signatures fit well within it. */
    static final int MAX_BODY = 512 * 1024;

    private static final Logger LOG = Logger.getLogger(WitnessServer.class.getName());
    private final Witness witness;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public WitnessServer(Witness witness, InetSocketAddress address, String prefix) throws IOException {
        this.witness = witness;
        this.server = HttpServer.create(address, 0);
        server.setExecutor(executor);
        server.createContext(prefix + "/add-checkpoint", this::addCheckpoint);
        server.createContext("/state", exchange -> respond(exchange, 200, "application/json", stateJson()));
        server.createContext(
                "/metrics",
                exchange -> respond(
                        exchange,
                        200,
                        "text/plain; version=0.0.4",
                        witness.metrics().prometheus()));
        server.createContext("/health", exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext(prefix.isEmpty() ? "/" : prefix + "/", exchange -> monitor(exchange, prefix));
    }

    public WitnessServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private void addCheckpoint(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "text/plain", "add-checkpoint takes a POST\n");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            respond(exchange, 413, "text/plain", "WITNESS_REQUEST_TOO_LARGE\n");
            return;
        }
        try {
            respond(exchange, 200, "text/plain; charset=utf-8", witness.addCheckpoint(body));
        } catch (WitnessRefusal refusal) {
            if (refusal.body() != null) {
                respond(exchange, refusal.status(), "text/x.tlog.size", refusal.body());
            } else {
                respond(
                        exchange,
                        refusal.status(),
                        "text/plain; charset=utf-8",
                        refusal.code() + ": " + refusal.getMessage() + "\n");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "add-checkpoint failed", e);
            respond(exchange, 500, "text/plain", "WITNESS_INTERNAL_ERROR\n");
        }
    }

    private void monitor(HttpExchange exchange, String prefix) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(prefix.length());
        String[] parts = path.split("/");
        if (parts.length == 3 && parts[0].isEmpty() && parts[2].equals("checkpoint")) {
            var checkpoint = witness.cosignedCheckpoint(parts[1]);
            if (checkpoint.isPresent()) {
                respond(exchange, 200, "text/plain; charset=utf-8", checkpoint.get());
                return;
            }
        }
        respond(exchange, 404, "text/plain", "not found\n");
    }

    String stateJson() {
        StringBuilder json = new StringBuilder("{\"name\":")
                .append(quote(witness.key().name()))
                .append(",\"verifierKey\":")
                .append(quote(witness.key().verifierKey()))
                .append(",\"logs\":[");
        boolean first = true;
        for (Map.Entry<String, Witness.LogView> e : witness.views().entrySet()) {
            Witness.LogView view = e.getValue();
            json.append(first ? "" : ",")
                    .append("{\"origin\":")
                    .append(quote(e.getKey()))
                    .append(",\"size\":")
                    .append(view.size())
                    .append(",\"root\":")
                    .append(quote(Base64.getEncoder().encodeToString(view.root())))
                    .append(",\"refusals\":[");
            first = false;
            boolean firstRefusal = true;
            for (StateStore.Refused r : witness.refusals(e.getKey())) {
                json.append(firstRefusal ? "" : ",")
                        .append("{\"time\":")
                        .append(quote(r.time().toString()))
                        .append(",\"status\":")
                        .append(r.status())
                        .append(",\"code\":")
                        .append(quote(r.code()))
                        .append(",\"reason\":")
                        .append(quote(r.reason()))
                        .append('}');
                firstRefusal = false;
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

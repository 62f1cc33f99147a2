package io.sanjiaodi.platform.web.idempotency;

import io.sanjiaodi.platform.consistency.ConsistencyToken;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on every writing request (the IETF httpapi draft's semantics): the same
 * key with the same request (method, path, query and body, per signed-in user) gets the first
 * response again, marked {@code Idempotent-Replayed: true}; the same key with another request is
 * 422 {@code IDEMPOTENCY_KEY_REUSED}; while the first is still running, 409
 * {@code IDEMPOTENCY_KEY_IN_PROGRESS}. A 5xx answer is not kept (the request may be retried with the
 * key). Multipart bodies are not buffered here: such a request with a key is 400
 * {@code IDEMPOTENCY_KEY_UNSUPPORTED}. Requests without the header pass untouched.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The draft's key is an sf-string; ours: 1 to 255 visible ASCII characters (a UUID fits). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final IdempotencyStore store;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.startsWith("\"") && key.endsWith("\"") && key.length() > 1) {
            key = key.substring(1, key.length() - 1); // the draft's structured-field string form
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            // security refuses it, or it is open to anyone: keys of no one would be shared by everyone
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            refuse(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "IDEMPOTENCY_KEY_INVALID",
                    HEADER + " must be 1 to 255" + " visible ASCII characters");
            return;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            refuse(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "IDEMPOTENCY_KEY_UNSUPPORTED",
                    "uploads take no " + HEADER
                            + "; an evidence file is named by its hash, so a repeated upload shows as the same file");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String owner = who.getName();
        String fingerprint = fingerprint(request, body);
        IdempotencyStore.Claim claim = store.claim(owner, key, fingerprint);
        if (claim instanceof IdempotencyStore.Replay replay) {
            replay(response, replay);
        } else if (claim instanceof IdempotencyStore.Mismatch) {
            refuse(
                    response,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "IDEMPOTENCY_KEY_REUSED",
                    "this " + HEADER + " was first used for another request; use a new key for a new request");
        } else if (claim instanceof IdempotencyStore.InProgress) {
            refuse(
                    response,
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_KEY_IN_PROGRESS",
                    "the first request with this " + HEADER + " is still being processed; retry shortly");
        } else {
            run(request, response, chain, body, owner, key);
        }
    }

    private void run(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            byte[] body,
            String owner,
            String key)
            throws ServletException, IOException {
        IdempotencyKeys.bind(request, owner, key);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BufferedRequest(request, body), captured);
        } catch (ServletException | IOException | RuntimeException e) {
            store.release(owner, key);
            throw e;
        }
        if (captured.getStatus() >= 500) {
            store.release(owner, key);
        } else {
            store.complete(
                    owner,
                    key,
                    new IdempotencyStore.Replay(
                            captured.getStatus(),
                            captured.getContentType(),
                            captured.getHeader("Location"),
                            captured.getHeader(ConsistencyToken.HEADER),
                            captured.getContentAsByteArray()));
        }
        captured.copyBodyToResponse();
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.Replay replay) throws IOException {
        response.setStatus(replay.status());
        if (replay.contentType() != null) {
            response.setContentType(replay.contentType());
        }
        if (replay.location() != null) {
            response.setHeader("Location", replay.location());
        }
        if (replay.consistencyToken() != null) {
            response.setHeader(ConsistencyToken.HEADER, replay.consistencyToken());
        }
        response.setHeader(REPLAYED, "true");
        if (replay.body() != null) {
            response.getOutputStream().write(replay.body());
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetailsAdvice.write(response, json, ProblemDetailsAdvice.problem(status, code, detail));
    }

    /** SHA-256 over method, path with query, and body: what makes two requests "the same". */
    static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            sha.update((request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, for what comes after this filter. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("a buffered body is read blocking");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                    getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}

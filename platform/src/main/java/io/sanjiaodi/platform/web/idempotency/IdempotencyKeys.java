package io.sanjiaodi.platform.web.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The id a creating endpoint gives its new record: random, or, under an {@code Idempotency-Key}, the
 * same for every run of the same request, so a request that runs again after its first run's
 * answer was lost (IdempotencyStore) names the record the first run created instead of making a
 * second one.
 */
public final class IdempotencyKeys {

    /** The request attribute {@link IdempotencyFilter} sets: the owner and key, one string. */
    static final String ATTRIBUTE = IdempotencyKeys.class.getName() + ".scope";

    private IdempotencyKeys() {}

    /** A new id for {@code purpose} (e.g. "interview", "item"): derived from the key, else random. */
    public static String derivedId(String purpose) {
        return keyedId(purpose).orElseGet(() -> UUID.randomUUID().toString());
    }

    /**
     * The id derived from the request's key, if it carries one: for records numbered in sequence
     * otherwise (a ledger's stage evaluations), whose number a second run would not repeat.
     */
    public static Optional<String> keyedId(String purpose) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object scope = attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getAttribute(ATTRIBUTE)
                : null;
        return Optional.ofNullable(scope)
                .map(s -> UUID.nameUUIDFromBytes((s + "\n" + purpose).getBytes(StandardCharsets.UTF_8))
                        .toString());
    }

    static void bind(HttpServletRequest request, String owner, String key) {
        request.setAttribute(ATTRIBUTE, owner + "\n" + key);
    }
}

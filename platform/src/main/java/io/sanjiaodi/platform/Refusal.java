package io.sanjiaodi.platform;

import java.util.Objects;
import java.util.Optional;

/**
 * The one way to say no: a business refusal with a stable, machine-readable {@link #code()} and a
 * {@link Kind} that says what sort of no it is. Rules throw it; a command handler whose refusal is
 * itself recorded as an event returns it as {@code Optional<Refusal>} instead (throwing would roll
 * the event back). Only {@code ProblemDetailsAdvice} knows which HTTP status each kind becomes.
 */
public final class Refusal extends RuntimeException {

    /** What sort of refusal; the web layer maps each kind to one HTTP status. */
    public enum Kind {
        /** nobody is signed in */
        UNAUTHENTICATED,
        /** the actor's role or scope does not allow it */
        FORBIDDEN,
        /** the record asked for does not exist */
        NOT_FOUND,
        /** the request conflicts with the current state (e.g. already conducted) */
        CONFLICT,
        /** the request or what it would record is larger than the limits allow */
        TOO_LARGE,
        /** the request is well-formed but the rules forbid it */
        UNPROCESSABLE,
        /** what is asked for does not exist yet and will later (e.g. a checkpoint not yet cosigned) */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        // no stack trace: a refusal is an answer, not a failure, and is often returned rather than thrown
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public static Refusal unprocessable(String code, String message) {
        return new Refusal(Kind.UNPROCESSABLE, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public static Refusal tooLarge(String code, String message) {
        return new Refusal(Kind.TOO_LARGE, code, message);
    }

    public static Refusal unavailable(String code, String message) {
        return new Refusal(Kind.UNAVAILABLE, code, message);
    }

    public static Refusal unauthenticated(String code, String message) {
        return new Refusal(Kind.UNAUTHENTICATED, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The same refusal, its message naming the record on which it was recorded as an event. */
    public Refusal recordedOn(String record) {
        return new Refusal(kind, code, getMessage() + " (recorded on " + record + ")");
    }

    /**
     * Throws the refusal a command handler returned (it was recorded as an event on {@code record},
     * so it could not be thrown there), naming that record; returns when there was none.
     */
    public static void throwIfRecorded(Optional<Refusal> refusal, String record) {
        if (refusal.isPresent()) {
            throw refusal.get().recordedOn(record);
        }
    }

    @Override
    public String toString() {
        return "Refusal[" + kind + " " + code + ": " + getMessage() + "]";
    }
}

package io.sanjiaodi.platform;

/**
 * A business refusal with a stable, machine-readable code. Thrown by aggregates and query
 * services; the web layer turns it into an RFC 7807 problem carrying {@code code}.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final int status;

    public RuleViolation(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    /** 422: the request is well-formed but the rules forbid it. */
    public static RuleViolation unprocessable(String code, String message) {
        return new RuleViolation(code, 422, message);
    }

    /** 409: the request conflicts with the current state (e.g. already conducted). */
    public static RuleViolation conflict(String code, String message) {
        return new RuleViolation(code, 409, message);
    }

    public static RuleViolation notFound(String code, String message) {
        return new RuleViolation(code, 404, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}

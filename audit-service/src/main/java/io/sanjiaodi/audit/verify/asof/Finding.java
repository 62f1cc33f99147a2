package io.sanjiaodi.audit.verify.asof;

/**
 * One check of a verification and its outcome: a stable UPPER_SNAKE code naming what was checked
 * or what failed, the thing it is about (an event id, a file), and a line for people.
 */
public record Finding(boolean ok, String code, String subject, String detail) {

    static Finding ok(String code, String subject, String detail) {
        return new Finding(true, code, subject, detail);
    }

    static Finding fail(String code, String subject, String detail) {
        return new Finding(false, code, subject, detail);
    }

    /** Notes are neither failures nor proof: what the verification could not establish. */
    static Finding note(String code, String subject, String detail) {
        return new Finding(true, code, subject, "NOTE " + detail);
    }

    public String line() {
        return (ok ? "OK   " : "FAIL ") + code + " " + subject + ": " + detail;
    }
}

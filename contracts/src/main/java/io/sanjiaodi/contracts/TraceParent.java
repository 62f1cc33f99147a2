package io.sanjiaodi.contracts;

import java.util.regex.Pattern;

/**
 * The W3C Trace Context {@code traceparent} value of {@link CloudEventAttributes#TRACE_PARENT}:
 * {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}, neither id all zeros.
 */
public final class TraceParent {
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String NO_TRACE = "0".repeat(32);
    private static final String NO_SPAN = "0".repeat(16);

    private TraceParent() {}

    /** The value for a span, or null when either id is missing or malformed. */
    public static String of(String traceId, String spanId, boolean sampled) {
        String value = "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
        return traceId(value) == null ? null : value;
    }

    /** The trace id of a well-formed value, else null (a consumer ignores what it cannot read). */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var match = FORMAT.matcher(traceparent);
        if (!match.matches()
                || match.group(1).equals(NO_TRACE)
                || match.group(2).equals(NO_SPAN)) {
            return null;
        }
        return match.group(1);
    }
}

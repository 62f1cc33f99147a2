package io.sanjiaodi.audit.leaf;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TreeMap-based JCS as first written, kept as the reference the optimised one must match byte for byte.
 * Original documentation:
 *
 * RFC 8785 JSON Canonicalization Scheme over the generic tree both sides of the log hold: maps
 * (a BSON Document is one), lists, strings, numbers, booleans and null. The service hashes the
 * payload as stored in MongoDB and the offline verifier hashes the payload parsed from the export;
 * JCS makes both byte-identical whatever order or number spelling each side used.
 */
final class ReferenceJcs {

    private static final long MAX_EXACT = 1L << 53;

    private ReferenceJcs() {}

    public static byte[] canonicalBytes(Object value) {
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String canonicalize(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            // RFC 8785 3.2.3: members sorted by the UTF-16 code units of their names, which is String order
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(k.toString(), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            out.append(number(n));
        } else {
            // strings, and anything exotic a document might hold, as its text
            string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** An IEEE 754 double serialised the way ECMAScript's Number.prototype.toString does (RFC 8785 3.2.2.3). */
    static String number(Number n) {
        if ((n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte)
                && Math.abs(n.longValue()) <= MAX_EXACT) {
            return Long.toString(n.longValue());
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int exp = k - shortest.scale(); // value = 0.digits * 10^exp
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (k <= exp && exp <= 21) {
            out.append(digits).append("0".repeat(exp - k));
        } else if (0 < exp && exp <= 21) {
            out.append(digits, 0, exp).append('.').append(digits, exp, k);
        } else if (-6 < exp && exp <= 0) {
            out.append("0.").append("0".repeat(-exp)).append(digits);
        } else {
            int e = exp - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    /** The fewest significant digits that still read back as d (JDK 17's Double.toString is not always shortest). */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}

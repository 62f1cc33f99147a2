package io.sanjiaodi.audit.leaf;

import io.sanjiaodi.audit.merkle.Sha256;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8785 JSON Canonicalization Scheme over the generic tree both sides of the log hold: maps
 * (a BSON Document is one), lists, strings, numbers, booleans and null. The service hashes the
 * payload as stored in MongoDB and the offline verifier hashes the payload parsed from the export;
 * JCS makes both byte-identical whatever order or number spelling each side used.
 */
public final class Jcs {

    private static final long MAX_EXACT = 1L << 53;

    private Jcs() {}

    public static byte[] canonicalBytes(Object value) {
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Per thread: the text being built and its UTF-8 bytes, reused so a payload hash allocates nothing big. */
    private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(() -> new StringBuilder(512));

    private static final ThreadLocal<byte[][]> BYTES = ThreadLocal.withInitial(() -> new byte[][] {new byte[1024]});

    /** SHA-256 of {@link #canonicalBytes}, the same bytes encoded into a reused buffer. */
    public static byte[] canonicalSha256(Object value) {
        StringBuilder text = TEXT.get();
        text.setLength(0);
        write(value, text);
        byte[][] holder = BYTES.get();
        int length = text.length();
        if (holder[0].length < length * 3) {
            holder[0] = new byte[length * 3];
        }
        int n = utf8(text, holder[0]);
        if (text.capacity() > 1 << 16) {
            TEXT.remove(); // an unusually large payload: do not keep its buffers
            BYTES.remove();
        }
        return Sha256.hash(holder[0], 0, n);
    }

    /** UTF-8 exactly as String.getBytes(UTF_8) writes it: an unpaired surrogate becomes '?'. */
    static int utf8(CharSequence text, byte[] out) {
        int n = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xc0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    out[n++] = (byte) (0xf0 | (cp >> 18));
                    out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    out[n++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    out[n++] = '?';
                }
            } else {
                out[n++] = (byte) (0xe0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return n;
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
            writeMap(map, out);
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
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            long l = ((Number) value).longValue();
            if (Math.abs(l) <= MAX_EXACT) {
                out.append(l); // what number(n) returns for these, without the intermediate String
            } else {
                out.append(number((Number) value));
            }
        } else if (value instanceof Number n) {
            out.append(number(n));
        } else {
            // strings, and anything exotic a document might hold, as its text
            string(value.toString(), out);
        }
    }

    /**
     * RFC 8785 3.2.3: members sorted by the UTF-16 code units of their names, which is String order.
     * Keys that are all Strings are distinct, so a sorted array gives exactly the TreeMap's order
     * without its nodes; any other key type keeps the TreeMap (which merges keys printing alike).
     */
    private static final Comparator<Map.Entry<?, ?>> BY_KEY =
            (x, y) -> ((String) x.getKey()).compareTo((String) y.getKey());

    private static void writeMap(Map<?, ?> map, StringBuilder out) {
        @SuppressWarnings("unchecked")
        Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry[0]);
        for (Map.Entry<?, ?> entry : entries) {
            if (!(entry.getKey() instanceof String)) {
                TreeMap<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(k.toString(), v));
                writeMembers(sorted.entrySet().toArray(new Map.Entry[0]), out);
                return;
            }
        }
        if (entries.length > 1) {
            Arrays.sort(entries, BY_KEY);
        }
        writeMembers(entries, out);
    }

    private static void writeMembers(Map.Entry<?, ?>[] sorted, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string((String) sorted[i].getKey(), out);
            out.append(':');
            write(sorted[i].getValue(), out);
        }
        out.append('}');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        int length = s.length();
        int plain = 0;
        while (plain < length) {
            char c = s.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        out.append(s, 0, plain); // the common case: nothing to escape
        for (int i = plain; i < length; i++) {
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

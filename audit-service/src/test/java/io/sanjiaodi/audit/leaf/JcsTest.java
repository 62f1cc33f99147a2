package io.sanjiaodi.audit.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class JcsTest {

    private final ObjectMapper json = new ObjectMapper();

    /** The example of RFC 8785 section 3.2.2. */
    @Test
    void theRfcExampleCanonicalises() throws Exception {
        String input = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}";
        assertThat(Jcs.canonicalize(json.readValue(input, Object.class)))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    /** Number serialisation samples of RFC 8785 appendix B (ECMAScript Number.prototype.toString). */
    @Test
    void numbersFollowEcmaScript() {
        assertThat(Jcs.number(0.0)).isEqualTo("0");
        assertThat(Jcs.number(-0.0)).isEqualTo("0");
        assertThat(Jcs.number(5e-324)).isEqualTo("5e-324");
        assertThat(Jcs.number(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
        assertThat(Jcs.number(9007199254740992.0)).isEqualTo("9007199254740992");
        assertThat(Jcs.number(9007199254740993L)).isEqualTo("9007199254740992");
        assertThat(Jcs.number(295147905179352830000.0)).isEqualTo("295147905179352830000");
        assertThat(Jcs.number(1e21)).isEqualTo("1e+21");
        assertThat(Jcs.number(1e-7)).isEqualTo("1e-7");
        assertThat(Jcs.number(0.000001)).isEqualTo("0.000001");
        assertThat(Jcs.number(-1.5)).isEqualTo("-1.5");
        assertThat(Jcs.number(4.0)).isEqualTo("4");
        assertThat(Jcs.number(42)).isEqualTo("42");
    }

    /** What MongoDB hands back and what the export hands the offline verifier canonicalise the same. */
    @Test
    void aStoredDocumentAndItsJsonExportCanonicaliseAlike() throws Exception {
        String raw = "{\"b\":[1,2.50,{\"z\":null,\"a\":true}],\"a\":\"谈话\",\"n\":12345678901}";
        Document stored = Document.parse(raw);
        String canonical = Jcs.canonicalize(stored);
        assertThat(canonical).isEqualTo("{\"a\":\"谈话\",\"b\":[1,2.5,{\"a\":true,\"z\":null}],\"n\":12345678901}");
        assertThat(Jcs.canonicalize(json.readValue(canonical, Object.class))).isEqualTo(canonical);
    }

    /** ECMAScript switches notation at 10^21 and at 10^-6; both sides of each switch. */
    @Test
    void numbersSwitchNotationExactlyWhereEcmaScriptDoes() {
        assertThat(Jcs.number(1e20)).isEqualTo("100000000000000000000");
        assertThat(Jcs.number(123.0)).isEqualTo("123");
        assertThat(Jcs.number(0.5)).isEqualTo("0.5");
        assertThat(Jcs.number(-0.25)).isEqualTo("-0.25");
        assertThat(Jcs.number(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(Jcs.number(1.5e300)).isEqualTo("1.5e+300");
        assertThatThrownBy(() -> Jcs.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.number(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    /** RFC 8785 3.2.2.2: only control characters, quote and backslash are escaped; a space never is. */
    @Test
    void onlyControlCharactersQuotesAndBackslashesAreEscaped() {
        assertThat(Jcs.canonicalize(List.of("\n a\u001f\u007f\b\f\r\t\u0000")))
                .isEqualTo("[\"\\n a\\u001f\u007f\\b\\f\\r\\t\\u0000\"]");
        assertThat(Jcs.canonicalize(" a ")).isEqualTo("\" a \"");
    }

    /** A map whose keys are not all strings (possible in a stored document) is sorted by the keys' text. */
    @Test
    void aMapWithNonStringKeysIsSortedByTheirText() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(2, "b");
        map.put(10, "a");
        map.put("x", true);
        assertThat(Jcs.canonicalize(map)).isEqualTo("{\"10\":\"a\",\"2\":\"b\",\"x\":true}");
        Map<Object, Object> numbersOnly = new LinkedHashMap<>();
        numbersOnly.put(2, "b");
        numbersOnly.put(10, "a");
        assertThat(Jcs.canonicalize(numbersOnly)).isEqualTo("{\"10\":\"a\",\"2\":\"b\"}");
    }

    @Test
    void utf8EncodingIsExactAtEveryByteLengthBoundary() {
        String s = "\u007f\u0080\u07ff\u0800\uffff\ud83d\ude00\ud800x";
        byte[] out = new byte[s.length() * 3];
        int n = Jcs.utf8(s, out);
        assertThat(Arrays.copyOf(out, n)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The per-thread buffers are created on first use in each thread, and a huge payload's are dropped. */
    @Test
    @SuppressWarnings("unchecked")
    void payloadHashesAreRightOnAFreshThreadWhenItsBufferGrowsAndAfterAHugePayload() throws Exception {
        Map<String, Object> small = Map.of("text", "谈话", "n", 1);
        Map<String, Object> medium = Map.of("text", "问".repeat(1_000)); // 3,000 UTF-8 bytes: the buffer must grow
        Map<String, Object> huge = Map.of("text", "问".repeat(70_000));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread fresh = new Thread(() -> {
            try {
                result.set(List.of(
                        Jcs.canonicalSha256(small),
                        Jcs.canonicalSha256(medium),
                        Jcs.canonicalSha256(huge),
                        Jcs.canonicalSha256(small)));
            } catch (RuntimeException e) {
                result.set(e);
            }
        });
        fresh.start();
        fresh.join();
        byte[] smallHash = Sha256.hash(Jcs.canonicalize(small).getBytes(StandardCharsets.UTF_8));
        byte[] mediumHash = Sha256.hash(Jcs.canonicalize(medium).getBytes(StandardCharsets.UTF_8));
        byte[] hugeHash = Sha256.hash(Jcs.canonicalize(huge).getBytes(StandardCharsets.UTF_8));
        assertThat(result.get()).isInstanceOf(List.class);
        assertThat((List<Object>) result.get()).containsExactly(smallHash, mediumHash, hugeHash, smallHash);
    }
}

package io.sanjiaodi.audit.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}

package io.sanjiaodi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aWellFormedValueYieldsItsTraceIdAndAnyOtherNothing() {
        assertThat(TraceParent.traceId("00-" + TRACE + "-" + SPAN + "-01")).isEqualTo(TRACE);
        assertThat(TraceParent.of(TRACE, SPAN, true)).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(TraceParent.of(TRACE, SPAN, false)).endsWith("-00");
        assertThat(TraceParent.traceId(null)).isNull();
        assertThat(TraceParent.traceId("01-" + TRACE + "-" + SPAN + "-01"))
                .as("another version")
                .isNull();
        assertThat(TraceParent.traceId("00-" + TRACE.toUpperCase() + "-" + SPAN + "-01"))
                .isNull();
        assertThat(TraceParent.traceId("00-" + "0".repeat(32) + "-" + SPAN + "-01"))
                .isNull();
        assertThat(TraceParent.traceId("00-" + TRACE + "-" + "0".repeat(16) + "-01"))
                .isNull();
        assertThat(TraceParent.of(TRACE, "short", true)).isNull();
    }
}

package io.sanjiaodi.interview.command.interview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterviewIdTest {

    /** A new interview gets a fresh id that passes its own format check (it becomes a URL segment). */
    @Test
    void aNewInterviewIdIsFreshAndWellFormed() {
        InterviewId first = InterviewId.newId();
        InterviewId second = InterviewId.newId();
        assertThat(first).isNotNull().isNotEqualTo(second);
        assertThat(new InterviewId(first.value())).isEqualTo(first);
        assertThat(first.toString()).isEqualTo(first.value()).matches("[0-9a-f-]{36}");
    }
}

package io.sanjiaodi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.platform.Ids;
import io.sanjiaodi.platform.Refusal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class RefusalMappingTest {

    @Test
    void eachKindOfRefusalBecomesItsOwnHttpStatus() {
        assertThat(Arrays.stream(Refusal.Kind.values())
                        .map(k -> ProblemDetailsAdvice.statusOf(k).value()))
                .containsExactly(401, 403, 404, 409, 413, 422, 503);
    }

    @Test
    void aRefusalBecomesAProblemWithItsCodeAndMessage() {
        ProblemDetail problem = ProblemDetailsAdvice.problem(Refusal.conflict("ALREADY_CONDUCTED", "frozen"));
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getProperties()).containsEntry("code", "ALREADY_CONDUCTED");
        assertThat(problem.getDetail()).isEqualTo("frozen");
    }

    @Test
    void aRefusalRecordedOnARecordKeepsItsKindAndCodeAndNamesTheRecord() {
        Refusal recorded = Refusal.forbidden("UNIT_CANNOT_CLOSE_OWN_TASK", "only a supervisor")
                .recordedOn("ledger l-1");
        assertThat(recorded.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(recorded.code()).isEqualTo("UNIT_CANNOT_CLOSE_OWN_TASK");
        assertThat(recorded.getMessage()).isEqualTo("only a supervisor (recorded on ledger l-1)");
    }

    @Test
    void anIdWithCharactersOutsideTheSafeSetOrTooLongIsRefused() {
        assertThat(Ids.requireWellFormed("iv-1_a", "interview id", 64)).isEqualTo("iv-1_a");
        assertThatThrownBy(() -> Ids.requireWellFormed("iv/1", "interview id", 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interview id");
        assertThatThrownBy(() -> Ids.requireWellFormed("a".repeat(65), "interview id", 64))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ids.requireWellFormed("", "interview id", 64))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

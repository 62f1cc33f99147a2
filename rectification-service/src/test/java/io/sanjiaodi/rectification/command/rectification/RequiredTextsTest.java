package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A command cannot be made without the texts it needs (422 with the text's own code), so the web
 * layer and the ledger refuse a missing one alike; blank counts as missing.
 */
class RequiredTextsTest {

    /** The command made with {@code text} in place of one required text, and that text's code. */
    static Stream<Arguments> requiredTexts() {
        return Stream.of(
                required(
                        "RESPONSIBLE_LEADER_REQUIRED",
                        t -> new RectificationCommands.PlanTask(
                                LEDGER, "task-p1", t, "院办", DEADLINE, "措施", ActorRole.UNIT)),
                required(
                        "RESPONSIBLE_DEPARTMENT_REQUIRED",
                        t -> new RectificationCommands.PlanTask(
                                LEDGER, "task-p1", "院长", t, DEADLINE, "措施", ActorRole.UNIT)),
                required(
                        "MEASURES_REQUIRED",
                        t -> new RectificationCommands.PlanTask(
                                LEDGER, "task-p1", "院长", "院办", DEADLINE, t, ActorRole.UNIT)),
                required(
                        "RESPONSIBLE_LEADER_REQUIRED",
                        t -> new RectificationCommands.RevisePlan(
                                LEDGER, "task-p1", t, "院办", "措施", "调整", ActorRole.UNIT)),
                required(
                        "RESPONSIBLE_DEPARTMENT_REQUIRED",
                        t -> new RectificationCommands.RevisePlan(
                                LEDGER, "task-p1", "院长", t, "措施", "调整", ActorRole.UNIT)),
                required(
                        "MEASURES_REQUIRED",
                        t -> new RectificationCommands.RevisePlan(
                                LEDGER, "task-p1", "院长", "院办", t, "调整", ActorRole.UNIT)),
                required(
                        "REVISION_REASON_REQUIRED",
                        t -> new RectificationCommands.RevisePlan(
                                LEDGER, "task-p1", "院长", "院办", "措施", t, ActorRole.UNIT)),
                required(
                        "EXTENSION_REASON_REQUIRED",
                        t -> new RectificationCommands.RequestDeadlineExtension(
                                LEDGER, "task-p1", DEADLINE.plusMonths(1), t, ActorRole.UNIT)),
                required(
                        "REJECTION_REASON_REQUIRED",
                        t -> new RectificationCommands.RejectDeadlineExtension(
                                LEDGER, "task-p1", t, ActorRole.SUPERVISOR)),
                required("SUB_TASK_OWNER_REQUIRED", t -> new RectificationCommands.SubTaskSpec(t, "分院", DEADLINE)),
                required(
                        "PROGRESS_TEXT_REQUIRED",
                        t -> new RectificationCommands.ReportProgress(LEDGER, "task-p1", t, TODAY, ActorRole.UNIT)),
                required(
                        "REGULATION_TITLE_REQUIRED",
                        t -> new RectificationCommands.RecordRegulation(
                                LEDGER, t, RegulationAction.ESTABLISHED, TODAY, List.of(), ActorRole.UNIT)),
                required(
                        "FAILURE_REASON_REQUIRED",
                        t -> new RectificationCommands.FailVerification(
                                LEDGER, "task-p1", t, TODAY, ActorRole.SUPERVISOR)),
                required(
                        "REPORT_TITLE_REQUIRED",
                        t -> new RectificationCommands.FileWrittenReport(LEDGER, t, "", TODAY, ActorRole.UNIT)),
                required(
                        "SUPERVISING_BODY_REQUIRED",
                        t -> new RectificationCommands.FileTrackingEvaluation(
                                LEDGER, t, "整改到位", TODAY, ActorRole.SUPERVISING_BODY)),
                required(
                        "EVALUATION_SUMMARY_REQUIRED",
                        t -> new RectificationCommands.FileTrackingEvaluation(
                                LEDGER, "派驻组", t, TODAY, ActorRole.SUPERVISING_BODY)),
                required(
                        "CASE_GROUNDS_REQUIRED",
                        t -> new RectificationCommands.OpenAccountabilityCase(
                                LEDGER, List.of("task-p1"), List.of(), t, TODAY, ActorRole.SUPERVISOR)),
                required(
                        "CASE_OUTCOME_REQUIRED",
                        t -> new RectificationCommands.ConcludeAccountabilityCase(
                                LEDGER, "case-1", t, TODAY, ActorRole.SUPERVISOR)));
    }

    private static Arguments required(String code, Function<String, Object> command) {
        return Arguments.of(code, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredTexts")
    void aCommandWithoutARequiredTextCannotBeMade(String code, Function<String, Object> command) {
        refusedToMake(() -> command.apply(null), code);
        refusedToMake(() -> command.apply(""), code);
        refusedToMake(() -> command.apply(" \t"), code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredTexts")
    void theSameCommandWithTheTextIsMade(String code, Function<String, Object> command) {
        assertThatCode(() -> command.apply("有")).as(code).doesNotThrowAnyException();
    }
}

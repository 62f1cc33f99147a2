package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.Given.*;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.*;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** What the unit records against its tasks: progress, evidence, regulations. */
class ProgressAndRegulationsTest {

    private final FixtureConfiguration<Rectification> fixture = Given.ledger();

    @Test
    void progressIsReportedAgainstATaskWithANumberedId() {
        fixture.given(OPENED, new ProgressReported(L, "task-p1", UNIT, JUR, "progress-1", TODAY, "一", "UNIT"))
                .when(new ReportProgress(LEDGER, "task-r1", "二", TODAY, ActorRole.UNIT))
                .expectEvents(new ProgressReported(L, "task-r1", UNIT, JUR, "progress-2", TODAY, "二", "UNIT"))
                .expectResultMessagePayload("progress-2");
    }

    @Test
    void theSameFileUploadedToTheSameTaskAgainIsTheEvidenceOnRecordAndRecordsNothing() {
        fixture.given(
                        OPENED,
                        new EvidenceAttached(
                                L, "task-p1", UNIT, JUR, "ev-1", "纪要.pdf", "application/pdf", 12, "ab", TODAY, "UNIT"))
                .when(new AttachEvidence(
                        LEDGER, "task-p1", "ev-2", "纪要.pdf", "application/pdf", 12, "ab", TODAY, ActorRole.UNIT))
                .expectNoEvents()
                .expectResultMessagePayload("ev-1");
    }

    @Test
    void anotherFileOrTheSameFileOnAnotherTaskIsNewEvidence() {
        fixture.given(
                        OPENED,
                        new EvidenceAttached(
                                L, "task-p1", UNIT, JUR, "ev-1", "纪要.pdf", "application/pdf", 12, "ab", TODAY, "UNIT"))
                .when(new AttachEvidence(
                        LEDGER, "task-p1", "ev-2", "纪要.pdf", "application/pdf", 12, "cd", TODAY, ActorRole.UNIT))
                .expectResultMessagePayload("ev-2")
                .expectEvents(new EvidenceAttached(
                        L, "task-p1", UNIT, JUR, "ev-2", "纪要.pdf", "application/pdf", 12, "cd", TODAY, "UNIT"));
    }

    @Test
    void evidenceIsRecordedWithNameSizeAndHash() {
        fixture.given(OPENED)
                .when(new AttachEvidence(
                        LEDGER, "task-p1", "ev-1", "纪要.pdf", "application/pdf", 12, "ab", TODAY, ActorRole.UNIT))
                .expectEvents(new EvidenceAttached(
                        L, "task-p1", UNIT, JUR, "ev-1", "纪要.pdf", "application/pdf", 12, "ab", TODAY, "UNIT"));
    }

    @Test
    void aRegulationIsLinkedToTheTasksItAnswers() {
        LocalDate issued = LocalDate.of(2019, 4, 15);
        fixture.given(OPENED)
                .when(new RecordRegulation(
                        LEDGER,
                        "医用耗材采购管理办法",
                        RegulationAction.ESTABLISHED,
                        issued,
                        List.of("task-p1", "task-r1"),
                        ActorRole.UNIT))
                .expectEvents(new RegulationRecorded(
                        L,
                        UNIT,
                        JUR,
                        "reg-1",
                        "医用耗材采购管理办法",
                        RegulationAction.ESTABLISHED,
                        issued,
                        List.of("task-p1", "task-r1"),
                        "UNIT"))
                .expectResultMessagePayload("reg-1");
    }

    @Test
    void aRegulationCannotNameAnUnknownTask() {
        refused(
                fixture.given(OPENED)
                        .when(new RecordRegulation(
                                LEDGER, "办法", RegulationAction.REVISED, TODAY, List.of("task-zzz"), ActorRole.UNIT)),
                "TASK_NOT_FOUND",
                Refusal.Kind.NOT_FOUND);
    }

    @Test
    void regulationsAreNumberedAcrossTheLedger() {
        fixture.given(
                        OPENED,
                        new RegulationRecorded(
                                L, UNIT, JUR, "reg-1", "办法", RegulationAction.ESTABLISHED, TODAY, List.of(), "UNIT"))
                .when(new RecordRegulation(LEDGER, "细则", RegulationAction.REVISED, TODAY, null, ActorRole.UNIT))
                .expectEvents(new RegulationRecorded(
                        L, UNIT, JUR, "reg-2", "细则", RegulationAction.REVISED, TODAY, List.of(), "UNIT"))
                .expectResultMessagePayload("reg-2");
    }

    @Test
    void aRegulationSaysWhetherItWasEstablishedOrRevisedAndWhen() {
        refused(
                fixture.given(OPENED).when(new RecordRegulation(LEDGER, "办法", null, TODAY, List.of(), ActorRole.UNIT)),
                "REGULATION_INCOMPLETE",
                Refusal.Kind.UNPROCESSABLE);
        refused(
                fixture.given(OPENED)
                        .when(new RecordRegulation(
                                LEDGER, "办法", RegulationAction.ESTABLISHED, null, List.of(), ActorRole.UNIT)),
                "REGULATION_INCOMPLETE",
                Refusal.Kind.UNPROCESSABLE);
    }

    @Test
    void theSameEvidenceIsRecordedOnce() {
        refused(
                fixture.given(
                                OPENED,
                                new EvidenceAttached(
                                        L,
                                        "task-p1",
                                        UNIT,
                                        JUR,
                                        "ev-1",
                                        "a.pdf",
                                        "application/pdf",
                                        1,
                                        "h",
                                        TODAY,
                                        "UNIT"))
                        .when(new AttachEvidence(
                                LEDGER, "task-r1", "ev-1", "a.pdf", "application/pdf", 1, "h", TODAY, ActorRole.UNIT)),
                "EVIDENCE_EXISTS",
                Refusal.Kind.CONFLICT);
    }

    @Test
    void progressAndEvidenceNameATaskOfThisLedger() {
        refused(
                fixture.given(OPENED).when(new ReportProgress(LEDGER, "task-x", "进展", TODAY, ActorRole.UNIT)),
                "TASK_NOT_FOUND",
                Refusal.Kind.NOT_FOUND);
        refused(
                fixture.given(OPENED)
                        .when(new AttachEvidence(
                                LEDGER, "task-x", "ev-1", "a.pdf", "application/pdf", 1, "h", TODAY, ActorRole.UNIT)),
                "TASK_NOT_FOUND",
                Refusal.Kind.NOT_FOUND);
    }
}

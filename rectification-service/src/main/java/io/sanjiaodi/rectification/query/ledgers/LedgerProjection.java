package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.*;
import java.time.Instant;
import java.util.ArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link LedgerView} up to date with what concerns the ledger as a whole: its opening,
 * evidence, regulations, the dual report, stage evaluations, accountability cases and closing.
 * {@link TaskProjection} does the tasks; both are in one processing group and change the view
 * through {@link LedgerViews}, so an event handled twice changes nothing.
 */
@Component
@ProcessingGroup("ledgers")
public class LedgerProjection {

    private final LedgerViews views;

    public LedgerProjection(LedgerViews views) {
        this.views = views.handledBy(this);
    }

    @EventHandler
    public void on(RectificationOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.change(e.ledgerId(), seq, at, "RectificationOpened", null, null, v -> {
            v.interviewId = e.interviewId();
            v.unitId = e.unitId();
            v.unitName = e.unitName();
            v.jurisdictionId = e.jurisdictionId();
            v.status = LedgerStatus.OPEN;
            v.openedAt = at;
            v.conductedOn = e.conductedOn();
            v.planDueOn = e.planDueOn();
            v.writtenReport.dueOn = e.writtenReportDueOn();
            v.tasks = new ArrayList<>();
            e.tasks().forEach(t -> {
                TaskView task = new TaskView();
                task.taskId = t.taskId();
                task.kind = t.kind();
                task.sourceItemId = t.sourceItemId();
                task.aspect = t.aspect();
                task.text = t.text();
                v.tasks.add(task);
            });
        });
    }

    @EventHandler
    public void on(EvidenceAttached e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.change(
                e.ledgerId(),
                seq,
                at,
                "EvidenceAttached",
                e.actorRole(),
                e.taskId(),
                v -> v.evidence.add(new Evidence(
                        e.evidenceId(),
                        e.taskId(),
                        e.fileName(),
                        e.contentType(),
                        e.size(),
                        e.sha256(),
                        e.attachedOn())));
    }

    @EventHandler
    public void on(RegulationRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.change(
                e.ledgerId(),
                seq,
                at,
                "RegulationRecorded",
                e.actorRole(),
                null,
                v -> v.regulations.add(
                        new Regulation(e.regulationId(), e.title(), e.action(), e.issuedOn(), e.taskIds())));
    }

    @EventHandler
    public void on(
            WrittenReportFiled e, @SequenceNumber long seq, @Timestamp Instant at, @MessageIdentifier String eventId) {
        views.change(e.ledgerId(), seq, at, "WrittenReportFiled", e.actorRole(), null, v -> {
            v.writtenReport.eventId = eventId;
            v.writtenReport.registrationNumber = e.registrationNumber();
            v.writtenReport.title = e.title();
            v.writtenReport.filedOn = e.filedOn();
            v.writtenReport.late = e.late();
        });
    }

    @EventHandler
    public void on(WrittenReportBecameOverdue e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.change(e.ledgerId(), seq, at, "WrittenReportBecameOverdue", "SYSTEM", null, v -> {
            v.writtenReport.overdue = true;
            v.writtenReport.overdueSince = e.detectedOn();
        });
    }

    @EventHandler
    public void on(TrackingEvaluationFiled e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.change(
                e.ledgerId(),
                seq,
                at,
                "TrackingEvaluationFiled",
                e.actorRole(),
                null,
                v -> v.trackingEvaluation = new TrackingEvaluation(e.supervisingBody(), e.summary(), e.filedOn()));
    }

    /** A ledger-wide record that also shows each rated task's latest rating. */
    @EventHandler
    public void on(
            StageEvaluationRecorded e,
            @SequenceNumber long seq,
            @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        views.change(e.ledgerId(), seq, at, "StageEvaluationRecorded", e.actorRole(), null, v -> {
            v.stageEvaluations.add(new StageEvaluation(e.evaluationId(), e.evaluatedOn(), e.results(), eventId));
            e.results().forEach(r -> {
                TaskView t = v.task(r.taskId());
                if (t != null) {
                    t.latestRating = r;
                }
            });
        });
    }

    @EventHandler
    public void on(AccountabilityCaseOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.change(e.ledgerId(), seq, at, "AccountabilityCaseOpened", e.actorRole(), null, v -> {
            AccountabilityCase c = new AccountabilityCase();
            c.caseId = e.caseId();
            c.taskIds = e.taskIds();
            c.evidenceIds = e.evidenceIds();
            c.grounds = e.grounds();
            c.openedOn = e.openedOn();
            v.accountabilityCases.add(c);
        });
    }

    @EventHandler
    public void on(AccountabilityCaseConcluded e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.change(
                e.ledgerId(),
                seq,
                at,
                "AccountabilityCaseConcluded",
                e.actorRole(),
                null,
                v -> v.accountabilityCases.stream()
                        .filter(c -> c.caseId.equals(e.caseId()))
                        .forEach(c -> {
                            c.outcome = e.outcome();
                            c.concludedOn = e.concludedOn();
                        }));
    }

    @EventHandler
    public void on(RectificationClosed e, @SequenceNumber long seq, @Timestamp Instant at) {
        views.change(e.ledgerId(), seq, at, "RectificationClosed", "SYSTEM", null, v -> {
            v.status = LedgerStatus.CLOSED;
            v.closedOn = e.closedOn();
        });
    }

    /** One reset for the whole processing group: the tasks live in the same documents. */
    @ResetHandler
    public void reset() {
        views.dropAll();
    }
}

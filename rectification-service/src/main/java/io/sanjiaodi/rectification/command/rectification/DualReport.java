package io.sanjiaodi.rectification.command.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.rectification.TrackingEvaluationFiled;
import io.sanjiaodi.contracts.rectification.WrittenReportBecameOverdue;
import io.sanjiaodi.contracts.rectification.WrittenReportFiled;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.Permissions.Action;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.FileTrackingEvaluation;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.FileWrittenReport;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.MarkWrittenReportOverdue;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The dual report (双报告) of a ledger: the interviewee's written report, filed once and registered,
 * and the supervising body's tracking evaluation. Both are needed before the ledger can close.
 */
class DualReport {

    /** The ledger this report belongs to. Not part of the report's state: equals leaves it out. */
    private final Rectification ledger;
    /** null on ledgers opened before due dates were recorded */
    private final LocalDate writtenReportDueOn;

    private boolean writtenReportFiled;
    private boolean writtenReportOverdue;
    private boolean trackingEvaluationFiled;

    DualReport(LocalDate writtenReportDueOn, Rectification ledger) {
        this.writtenReportDueOn = writtenReportDueOn;
        this.ledger = ledger;
    }

    /** Sent by the sweeper; idempotent. @return whether the written report was marked overdue now */
    @CommandHandler
    boolean handle(MarkWrittenReportOverdue c) {
        if (ledger.closed()
                || writtenReportFiled
                || writtenReportOverdue
                || writtenReportDueOn == null
                || !c.today().isAfter(writtenReportDueOn)) {
            return false;
        }
        apply(new WrittenReportBecameOverdue(
                ledger.ledgerId(),
                ledger.interviewId(),
                ledger.unitId(),
                ledger.jurisdictionId(),
                writtenReportDueOn,
                c.today()));
        return true;
    }

    /** @return the registration number (登记备案号) */
    @CommandHandler
    String handle(FileWrittenReport c) {
        Permissions.require(c.actor(), Action.FILE_WRITTEN_REPORT);
        ledger.requireOpen();
        if (writtenReportFiled) {
            throw Refusal.conflict("WRITTEN_REPORT_ALREADY_FILED", "the written report is filed already");
        }
        LocalDate talk = ledger.conductedOn() != null ? ledger.conductedOn() : c.on();
        String registration =
                RectificationRules.registrationNumber(talk, ledger.jurisdictionId(), ledger.interviewId());
        boolean late = writtenReportDueOn != null && c.on().isAfter(writtenReportDueOn);
        apply(new WrittenReportFiled(
                ledger.ledgerId(),
                ledger.interviewId(),
                ledger.unitId(),
                ledger.jurisdictionId(),
                registration,
                c.title(),
                RectificationRules.orEmpty(c.summary()),
                writtenReportDueOn,
                c.on(),
                late,
                c.actor().name()));
        ledger.closeIfComplete(c.on());
        return registration;
    }

    @CommandHandler
    void handle(FileTrackingEvaluation c) {
        Permissions.require(c.actor(), Action.FILE_TRACKING_EVALUATION);
        ledger.requireOpen();
        if (trackingEvaluationFiled) {
            throw Refusal.conflict("TRACKING_EVALUATION_ALREADY_FILED", "the tracking evaluation is filed already");
        }
        apply(new TrackingEvaluationFiled(
                ledger.ledgerId(),
                ledger.unitId(),
                ledger.jurisdictionId(),
                c.supervisingBody(),
                c.summary(),
                c.on(),
                c.actor().name()));
        ledger.closeIfComplete(c.on());
    }

    /** Both reports are in: one of the two conditions of closing the ledger. */
    boolean complete() {
        return writtenReportFiled && trackingEvaluationFiled;
    }

    @EventSourcingHandler
    void on(WrittenReportFiled e) {
        writtenReportFiled = true;
    }

    @EventSourcingHandler
    void on(WrittenReportBecameOverdue e) {
        writtenReportOverdue = true;
    }

    @EventSourcingHandler
    void on(TrackingEvaluationFiled e) {
        trackingEvaluationFiled = true;
    }

    /** Value equality, so the test fixture can compare sourced and handled state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DualReport r
                && Objects.equals(writtenReportDueOn, r.writtenReportDueOn)
                && writtenReportFiled == r.writtenReportFiled
                && writtenReportOverdue == r.writtenReportOverdue
                && trackingEvaluationFiled == r.trackingEvaluationFiled;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(writtenReportDueOn);
    }
}

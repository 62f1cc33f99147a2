package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.contracts.rectification.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Read model: one ledger with its tasks, sub-tasks, plans, deadlines, reports, evaluations, cases
 * and history, as the unit and its supervisors see it. {@code warningLevel} is computed when read.
 */
@Document("ledgers")
public class LedgerView {

    @Id
    public String ledgerId;

    public String interviewId;
    public String unitId;
    public String unitName;
    public String jurisdictionId;
    public LedgerStatus status;
    public Instant openedAt;
    public LocalDate conductedOn;
    public LocalDate planDueOn;
    public List<TaskView> tasks = new ArrayList<>();
    public WrittenReport writtenReport = new WrittenReport();
    public TrackingEvaluation trackingEvaluation;
    public List<Regulation> regulations = new ArrayList<>();
    public List<Evidence> evidence = new ArrayList<>();
    public List<StageEvaluation> stageEvaluations = new ArrayList<>();
    public List<AccountabilityCase> accountabilityCases = new ArrayList<>();
    public LocalDate closedOn;
    public List<HistoryEntry> history = new ArrayList<>();
    public long lastSequence = -1;
    /** The id of the last event the view includes (the audit trail's id of it too): a document's verification code. */
    public String lastEventId;
    /** Null unless the view outgrew one MongoDB document and left something out ({@link LedgerViews}). */
    public Abridged abridged;

    /** True when a task of this ledger was cascaded to {@code unitId} (a subordinate unit). */
    public boolean cascadedTo(String unitId) {
        return unitId != null
                && tasks.stream().anyMatch(t -> t.subTasks.stream().anyMatch(s -> unitId.equals(s.ownerUnitId)));
    }

    /**
     * What a subordinate unit sees of its parent's ledger: only the tasks cascaded to it, with only
     * its own sub-tasks; the parent's evidence, regulations, evaluations, cases and history stay out.
     */
    public LedgerView onlyCascadedTo(String unitId) {
        tasks = tasks.stream()
                .filter(t -> t.subTasks.stream().anyMatch(s -> unitId.equals(s.ownerUnitId)))
                .peek(t -> {
                    t.subTasks = new ArrayList<>(t.subTasks.stream()
                            .filter(s -> unitId.equals(s.ownerUnitId))
                            .toList());
                    t.progressReports = new ArrayList<>();
                })
                .collect(Collectors.toCollection(ArrayList::new));
        writtenReport = new WrittenReport();
        trackingEvaluation = null;
        regulations = new ArrayList<>();
        evidence = new ArrayList<>();
        stageEvaluations = new ArrayList<>();
        accountabilityCases = new ArrayList<>();
        history = new ArrayList<>();
        return this;
    }

    /** A ledger is open until every task is verified and both reports are filed (RectificationClosed). */
    public enum LedgerStatus {
        OPEN,
        CLOSED
    }

    public TaskView task(String taskId) {
        return tasks.stream().filter(t -> t.taskId.equals(taskId)).findFirst().orElse(null);
    }

    public static class TaskView {
        public String taskId;
        public TaskKind kind;
        public String sourceItemId;
        public String aspect;
        public String text;
        public String responsibleLeader;
        public String responsibleDepartment;
        public String measures;
        public int planRevisions;
        public LocalDate deadline;
        public LocalDate originalDeadline;
        public Extension pendingExtension;
        public List<Extension> extensions = new ArrayList<>();
        /** contracts' vocabulary, the same supervision uses; OPEN until the task is planned */
        public TaskStatus status = TaskStatus.OPEN;

        public boolean overdue;
        public LocalDate overdueSince;
        public LocalDate verifiedOn;
        public String lastFailedCheck;
        public List<SubTaskView> subTasks = new ArrayList<>();
        public List<Progress> progressReports = new ArrayList<>();
        public TaskRating latestRating;

        @Transient
        public String warningLevel;

        public boolean planned() {
            return deadline != null;
        }

        public boolean verified() {
            return status == TaskStatus.VERIFIED;
        }

        /** Sub-task roll-up: done of total (0 of 0 when not cascaded); computed when read. */
        @Transient
        public RollUp rollUp;

        RollUp computeRollUp() {
            return new RollUp(subTasks.stream().filter(s -> s.done).count(), subTasks.size());
        }
    }

    public record RollUp(long done, long total) {}

    public record Extension(LocalDate requestedDeadline, String reason, String decision, String decisionNote) {}

    public static class SubTaskView {
        public String subTaskId;
        public String ownerUnitId;
        public String ownerUnitName;
        public LocalDate deadline;
        public boolean done;
        public LocalDate completedOn;
        public String note;
    }

    public record Progress(String reportId, LocalDate reportedOn, String text) {}

    public static class WrittenReport {
        public LocalDate dueOn;
        public String registrationNumber;
        public String title;
        public LocalDate filedOn;
        public boolean late;
        public boolean overdue;
        public LocalDate overdueSince;
        /** the id of its WrittenReportFiled event: the registration slip's verification code */
        public String eventId;
    }

    public record TrackingEvaluation(String supervisingBody, String summary, LocalDate filedOn) {}

    public record Regulation(
            String regulationId, String title, RegulationAction action, LocalDate issuedOn, List<String> taskIds) {}

    public record Evidence(
            String evidenceId,
            String taskId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            LocalDate attachedOn) {}

    /** {@code eventId}: its StageEvaluationRecorded event's id, the report's verification code. */
    public record StageEvaluation(
            String evaluationId, LocalDate evaluatedOn, List<TaskRating> results, String eventId) {}

    public static class AccountabilityCase {
        public String caseId;
        public List<String> taskIds;
        public List<String> evidenceIds;
        public String grounds;
        public LocalDate openedOn;
        public String outcome;
        public LocalDate concludedOn;
    }

    /**
     * What a ledger's view left out to stay one MongoDB document: its oldest history entries and the
     * texts of its oldest progress reports (the reports themselves stay, with their dates). The events
     * in the store and the audit trail keep every word.
     */
    public record Abridged(int historyEntries, int progressTexts) {}

    /** Who did what and when, in the order of the ledger's events. */
    public record HistoryEntry(long sequence, String event, Instant at, String actorRole, String taskId) {}
}

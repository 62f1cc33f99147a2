package io.sanjiaodi.rectification.command.rectification;

import static io.sanjiaodi.rectification.command.rectification.RectificationRules.requireText;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of the {@link Rectification} aggregate. Dates that mean "today" ({@code on}) are
 * supplied by the sender from the injected clock: the aggregate never reads the time itself. A text
 * a command cannot do without is checked when the command is made, so the web layer and the
 * aggregate refuse a blank one alike (422 with the same code).
 */
public final class RectificationCommands {

    private RectificationCommands() {}

    /**
     * A command for one task, handled by that {@link Task}: Axon forwards it by its {@code taskId},
     * the name of the task's {@code @EntityId}.
     */
    public sealed interface TaskCommand {
        String taskId();
    }

    /** Sent by the intake of {@code interview.events}; the due dates come from configuration. */
    public record OpenRectification(
            @TargetAggregateIdentifier LedgerId ledgerId,
            InterviewConducted interview,
            LocalDate planDueOn,
            LocalDate writtenReportDueOn) {}

    public record PlanTask(
            @TargetAggregateIdentifier LedgerId ledgerId,
            String taskId,
            String responsibleLeader,
            String responsibleDepartment,
            LocalDate deadline,
            String measures,
            ActorRole actor)
            implements TaskCommand {
        public PlanTask {
            requirePlanTexts(responsibleLeader, responsibleDepartment, measures);
        }
    }

    public record RevisePlan(
            @TargetAggregateIdentifier LedgerId ledgerId,
            String taskId,
            String responsibleLeader,
            String responsibleDepartment,
            String measures,
            String reason,
            ActorRole actor)
            implements TaskCommand {
        public RevisePlan {
            requirePlanTexts(responsibleLeader, responsibleDepartment, measures);
            requireText(reason, "REVISION_REASON_REQUIRED", "the reason for the revision");
        }
    }

    public record RequestDeadlineExtension(
            @TargetAggregateIdentifier LedgerId ledgerId,
            String taskId,
            LocalDate requestedDeadline,
            String reason,
            ActorRole actor)
            implements TaskCommand {
        public RequestDeadlineExtension {
            requireText(reason, "EXTENSION_REASON_REQUIRED", "the reason for the extension");
        }
    }

    public record ApproveDeadlineExtension(
            @TargetAggregateIdentifier LedgerId ledgerId, String taskId, String comment, ActorRole actor)
            implements TaskCommand {}

    public record RejectDeadlineExtension(
            @TargetAggregateIdentifier LedgerId ledgerId, String taskId, String reason, ActorRole actor)
            implements TaskCommand {
        public RejectDeadlineExtension {
            requireText(reason, "REJECTION_REASON_REQUIRED", "the reason for the rejection");
        }
    }

    public record SubTaskSpec(String ownerUnitId, String ownerUnitName, LocalDate deadline) {
        public SubTaskSpec {
            requireText(ownerUnitId, "SUB_TASK_OWNER_REQUIRED", "the owner unit");
        }
    }

    public record CascadeTask(
            @TargetAggregateIdentifier LedgerId ledgerId, String taskId, List<SubTaskSpec> subTasks, ActorRole actor)
            implements TaskCommand {}

    public record CompleteSubTask(
            @TargetAggregateIdentifier LedgerId ledgerId,
            String taskId,
            String subTaskId,
            String note,
            LocalDate on,
            ActorRole actor)
            implements TaskCommand {}

    public record ReportProgress(
            @TargetAggregateIdentifier LedgerId ledgerId, String taskId, String text, LocalDate on, ActorRole actor) {
        public ReportProgress {
            requireText(text, "PROGRESS_TEXT_REQUIRED", "the progress report's text");
        }
    }

    /** The file is already stored under {@code evidenceId}; this records it on the books. */
    public record AttachEvidence(
            @TargetAggregateIdentifier LedgerId ledgerId,
            String taskId,
            String evidenceId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            LocalDate on,
            ActorRole actor) {}

    public record RecordRegulation(
            @TargetAggregateIdentifier LedgerId ledgerId,
            String title,
            RegulationAction action,
            LocalDate issuedOn,
            List<String> taskIds,
            ActorRole actor) {
        public RecordRegulation {
            requireText(title, "REGULATION_TITLE_REQUIRED", "the regulation's title");
        }
    }

    /** Close (销号) a task after checking it against the list. */
    public record VerifyTask(
            @TargetAggregateIdentifier LedgerId ledgerId, String taskId, String comment, LocalDate on, ActorRole actor)
            implements TaskCommand {}

    public record FailVerification(
            @TargetAggregateIdentifier LedgerId ledgerId, String taskId, String reason, LocalDate on, ActorRole actor)
            implements TaskCommand {
        public FailVerification {
            requireText(reason, "FAILURE_REASON_REQUIRED", "the reason the check failed");
        }
    }

    /** Sent by the deadline sweeper; does nothing unless the task is really due and not yet marked. */
    public record MarkTaskOverdue(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, LocalDate today)
            implements TaskCommand {}

    public record MarkWrittenReportOverdue(
            @TargetAggregateIdentifier LedgerId ledgerId, LocalDate today) {}

    public record FileWrittenReport(
            @TargetAggregateIdentifier LedgerId ledgerId, String title, String summary, LocalDate on, ActorRole actor) {
        public FileWrittenReport {
            requireText(title, "REPORT_TITLE_REQUIRED", "the report's title");
        }
    }

    public record FileTrackingEvaluation(
            @TargetAggregateIdentifier LedgerId ledgerId,
            String supervisingBody,
            String summary,
            LocalDate on,
            ActorRole actor) {
        public FileTrackingEvaluation {
            requireText(supervisingBody, "SUPERVISING_BODY_REQUIRED", "the supervising body");
            requireText(summary, "EVALUATION_SUMMARY_REQUIRED", "the evaluation's summary");
        }
    }

    public record TaskRatingSpec(String taskId, Rating rating, String comment) {}

    /**
     * @param requestedId the evaluation's id when the request carries an {@code Idempotency-Key}
     *     (derived from it), so that a run of the same request again records nothing new; null for
     *     the next number
     */
    public record RecordStageEvaluation(
            @TargetAggregateIdentifier LedgerId ledgerId,
            List<TaskRatingSpec> results,
            LocalDate on,
            ActorRole actor,
            String requestedId) {
        public RecordStageEvaluation(LedgerId ledgerId, List<TaskRatingSpec> results, LocalDate on, ActorRole actor) {
            this(ledgerId, results, on, actor, null);
        }
    }

    /** @param requestedId as for {@link RecordStageEvaluation} */
    public record OpenAccountabilityCase(
            @TargetAggregateIdentifier LedgerId ledgerId,
            List<String> taskIds,
            List<String> evidenceIds,
            String grounds,
            LocalDate on,
            ActorRole actor,
            String requestedId) {
        public OpenAccountabilityCase {
            requireText(grounds, "CASE_GROUNDS_REQUIRED", "the grounds of the case");
        }

        public OpenAccountabilityCase(
                LedgerId ledgerId,
                List<String> taskIds,
                List<String> evidenceIds,
                String grounds,
                LocalDate on,
                ActorRole actor) {
            this(ledgerId, taskIds, evidenceIds, grounds, on, actor, null);
        }
    }

    public record ConcludeAccountabilityCase(
            @TargetAggregateIdentifier LedgerId ledgerId,
            String caseId,
            String outcome,
            LocalDate on,
            ActorRole actor) {
        public ConcludeAccountabilityCase {
            requireText(outcome, "CASE_OUTCOME_REQUIRED", "the outcome of the case");
        }
    }

    /** What every plan and revision names: who leads, which department, which measures. */
    private static void requirePlanTexts(String responsibleLeader, String responsibleDepartment, String measures) {
        requireText(responsibleLeader, "RESPONSIBLE_LEADER_REQUIRED", "a responsible leader");
        requireText(responsibleDepartment, "RESPONSIBLE_DEPARTMENT_REQUIRED", "a responsible department");
        requireText(measures, "MEASURES_REQUIRED", "measures");
    }
}

package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of the {@link Rectification} aggregate. Dates that mean "today" ({@code on}) are
 * supplied by the sender from the injected clock: the aggregate never reads the time itself.
 */
public final class RectificationCommands {

    private RectificationCommands() {
    }

    /** Sent by the intake of {@code interview.events}; the due dates come from configuration. */
    public record OpenRectification(@TargetAggregateIdentifier LedgerId ledgerId, InterviewConducted interview,
                                    LocalDate planDueOn, LocalDate writtenReportDueOn) {
    }

    public record PlanTask(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String responsibleLeader,
                           String responsibleDepartment, LocalDate deadline, String measures, ActorRole actor) {
    }

    public record RevisePlan(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String responsibleLeader,
                             String responsibleDepartment, String measures, String reason, ActorRole actor) {
    }

    public record RequestDeadlineExtension(@TargetAggregateIdentifier LedgerId ledgerId, String taskId,
                                           LocalDate requestedDeadline, String reason, ActorRole actor) {
    }

    public record ApproveDeadlineExtension(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String comment,
                                           ActorRole actor) {
    }

    public record RejectDeadlineExtension(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String reason,
                                          ActorRole actor) {
    }

    public record SubTaskSpec(String ownerUnitId, String ownerUnitName, LocalDate deadline) {
    }

    public record CascadeTask(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, List<SubTaskSpec> subTasks,
                              ActorRole actor) {
    }

    public record CompleteSubTask(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String subTaskId,
                                  String note, LocalDate on, ActorRole actor) {
    }

    public record ReportProgress(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String text,
                                 LocalDate on, ActorRole actor) {
    }

    /** The file is already stored under {@code evidenceId}; this records it on the books. */
    public record AttachEvidence(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String evidenceId,
                                 String fileName, String contentType, long size, String sha256, LocalDate on,
                                 ActorRole actor) {
    }

    public record RecordRegulation(@TargetAggregateIdentifier LedgerId ledgerId, String title, RegulationAction action,
                                   LocalDate issuedOn, List<String> taskIds, ActorRole actor) {
    }

    /** Close (销号) a task after checking it against the list. */
    public record VerifyTask(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String comment,
                             LocalDate on, ActorRole actor) {
    }

    public record FailVerification(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, String reason,
                                   LocalDate on, ActorRole actor) {
    }

    /** Sent by the deadline sweeper; does nothing unless the task is really due and not yet marked. */
    public record MarkTaskOverdue(@TargetAggregateIdentifier LedgerId ledgerId, String taskId, LocalDate today) {
    }

    public record MarkWrittenReportOverdue(@TargetAggregateIdentifier LedgerId ledgerId, LocalDate today) {
    }

    public record FileWrittenReport(@TargetAggregateIdentifier LedgerId ledgerId, String title, String summary,
                                    LocalDate on, ActorRole actor) {
    }

    public record FileTrackingEvaluation(@TargetAggregateIdentifier LedgerId ledgerId, String supervisingBody,
                                         String summary, LocalDate on, ActorRole actor) {
    }

    public record TaskRatingSpec(String taskId, Rating rating, String comment) {
    }

    public record RecordStageEvaluation(@TargetAggregateIdentifier LedgerId ledgerId, List<TaskRatingSpec> results,
                                        LocalDate on, ActorRole actor) {
    }

    public record OpenAccountabilityCase(@TargetAggregateIdentifier LedgerId ledgerId, List<String> taskIds,
                                         List<String> evidenceIds, String grounds, LocalDate on, ActorRole actor) {
    }

    public record ConcludeAccountabilityCase(@TargetAggregateIdentifier LedgerId ledgerId, String caseId,
                                             String outcome, LocalDate on, ActorRole actor) {
    }
}

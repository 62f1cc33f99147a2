package io.sanjiaodi.rectification.web;

import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the ledger API; validated before any command is sent. */
final class LedgerRequests {

    /** Ids are plain tokens: no dots, dollars or slashes that could mean something to MongoDB or a path. */
    static final String ID = "^[A-Za-z0-9_-]{1,64}$";
    /** Ledger, task and sub-task ids are derived from ids (ledger-&lt;interviewId&gt;), so they may be longer. */
    static final String DERIVED_ID = "^[A-Za-z0-9_-]{1,160}$";

    private LedgerRequests() {}

    record PlanBody(
            @NotBlank @Size(max = 100) String responsibleLeader,
            @NotBlank @Size(max = 200) String responsibleDepartment,
            @NotNull LocalDate deadline,
            @NotBlank @Size(max = 8000) String measures) {}

    record RevisePlanBody(
            @NotBlank @Size(max = 100) String responsibleLeader,
            @NotBlank @Size(max = 200) String responsibleDepartment,
            @NotBlank @Size(max = 8000) String measures,
            @NotBlank @Size(max = 2000) String reason) {}

    record ExtensionBody(
            @NotNull LocalDate requestedDeadline,
            @NotBlank @Size(max = 2000) String reason) {}

    record DecisionBody(@Size(max = 2000) String comment) {}

    record ReasonBody(@NotBlank @Size(max = 2000) String reason) {}

    record SubTaskBody(
            @NotBlank @Pattern(regexp = ID) String ownerUnitId,
            @Size(max = 200) String ownerUnitName,
            @NotNull LocalDate deadline) {}

    record CascadeBody(@NotEmpty @Size(max = 200) List<@NotNull @Valid SubTaskBody> subTasks) {}

    record NoteBody(@Size(max = 2000) String note) {}

    record ProgressBody(@NotBlank @Size(max = 8000) String text) {}

    record RegulationBody(
            @NotBlank @Size(max = 300) String title,
            @NotNull RegulationAction action,
            @NotNull LocalDate issuedOn,
            @Size(max = 500) List<@NotNull @Pattern(regexp = DERIVED_ID) String> taskIds) {}

    record WrittenReportBody(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20000) String summary) {}

    record TrackingEvaluationBody(
            @NotBlank @Size(max = 200) String supervisingBody,
            @NotBlank @Size(max = 20000) String summary) {}

    record RatingBody(
            @NotBlank @Pattern(regexp = DERIVED_ID) String taskId,
            @NotNull Rating rating,
            @Size(max = 2000) String comment) {}

    record StageEvaluationBody(@NotEmpty @Size(max = 500) List<@NotNull @Valid RatingBody> results) {}

    record CaseBody(
            @NotEmpty @Size(max = 500) List<@NotNull @Pattern(regexp = DERIVED_ID) String> taskIds,
            @Size(max = 500) List<@NotNull @Pattern(regexp = DERIVED_ID) String> evidenceIds,
            @NotBlank @Size(max = 4000) String grounds) {}

    record OutcomeBody(@NotBlank @Size(max = 4000) String outcome) {}

    record Created(String id) {}

    record Registered(String registrationNumber) {}
}

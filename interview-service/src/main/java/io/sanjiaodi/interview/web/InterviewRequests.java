package io.sanjiaodi.interview.web;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** Request bodies of the interview API; validated before any command is sent. */
final class InterviewRequests {

    /**
     * Ids are plain tokens: no dots, dollars or slashes that could mean something to MongoDB or a path.
     * The same format the typed ids of a URL check ({@link UrlIds}); bodies check it with {@code @Pattern}.
     */
    static final String ID = "^[A-Za-z0-9_-]{1," + UrlIds.MAX_LENGTH + "}$";

    private InterviewRequests() {}

    record IntervieweeBody(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String position,
            @NotBlank @Pattern(regexp = ID) String unitId,
            // optional and not recorded as sent: the interview takes the unit registry's name
            @Size(max = 200) String unitName,
            @NotBlank @Pattern(regexp = ID) String jurisdictionId,
            @NotNull CadreLevel cadreLevel,
            @NotNull LocalDate appointmentDate) {}

    record ScheduleBody(
            @NotNull @Valid IntervieweeBody interviewee,
            @NotNull LocalDate plannedDate,
            @Size(max = 200) String place,
            @NotBlank @Pattern(regexp = ID) String leadInterviewerId,
            @Pattern(regexp = ID) String entrustedById,
            LocalDate entrustedOn) {}

    record EntrustBody(
            @NotBlank @Pattern(regexp = ID) String secretaryId,
            @NotBlank @Pattern(regexp = ID) String deputyId,
            @NotNull LocalDate entrustedOn) {}

    record RescheduleBody(
            @NotNull LocalDate plannedDate,
            @Size(max = 200) String place,
            @Size(max = 1000) String reason) {}

    record CancelBody(@NotBlank @Size(max = 1000) String reason) {}

    record ErasureBody(@NotBlank @Size(max = 1000) String reason) {}

    record ResponsibilityBody(
            ResponsibilityKind kind,
            @NotBlank @Size(max = 2000) String text) {}

    record TemplateRef(@NotBlank @Pattern(regexp = ID) String templateId) {}

    record ConfidentialSourceBody(
            @Size(max = 2000) String details,
            @Size(max = 200) String reference) {}

    record ProblemBody(
            @NotBlank @Size(max = 200) String aspect,
            @NotBlank @Size(max = 4000) String description,
            @NotNull SourceChannel sourceChannel,
            @Valid ConfidentialSourceBody confidentialSource) {}

    record RiskBody(
            @NotBlank @Size(max = 200) String businessArea,
            @NotBlank @Size(max = 4000) String description,
            @Size(max = 4000) String typicalCases,
            @Size(max = 4000) String preventionExpectations,
            @NotNull RiskLevel level) {}

    record SignatureBody(
            @NotBlank @Size(max = 100) String signedBy,
            @NotNull Instant signedAt) {}

    record ConductBody(
            @NotNull LocalDate conductedOn,
            @Size(max = 200) String place,
            @Pattern(regexp = ID) String leadInterviewerId,
            @NotBlank @Pattern(regexp = ID) String handedOverById,
            @NotBlank @Size(max = 8000) String recordSummary,
            @NotNull @Valid SignatureBody recordSignature,
            @NotNull @Valid SignatureBody commitmentSignature,
            boolean confirmNoProblems) {}

    record TemplateBody(
            @Min(2000) @Max(2100) int year,
            @NotBlank @Pattern(regexp = ID) String jurisdictionId,
            @NotBlank @Size(max = 200) String title) {}

    record TemplateItemBody(@NotBlank @Size(max = 2000) String text) {}

    record Created(String id) {}
}

package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@link Interview} aggregate. */
public final class InterviewCommands {

    private InterviewCommands() {}

    /** @param entrustedBy the city secretary who entrusted {@code lead}, when a deputy leads a city-managed talk */
    public record ScheduleInterview(
            @TargetAggregateIdentifier InterviewId interviewId,
            Interviewee interviewee,
            LocalDate plannedDate,
            String place,
            Official lead,
            Official entrustedBy,
            LocalDate entrustedOn) {}

    public record EntrustLeadInterviewer(
            @TargetAggregateIdentifier InterviewId interviewId,
            Official secretary,
            Official deputy,
            LocalDate entrustedOn) {}

    public record RescheduleInterview(
            @TargetAggregateIdentifier InterviewId interviewId, LocalDate plannedDate, String place, String reason) {}

    public record CancelInterview(@TargetAggregateIdentifier InterviewId interviewId, String reason) {}

    public record AddResponsibilityItem(
            @TargetAggregateIdentifier InterviewId interviewId, ResponsibilityItem item) {}

    public record ReviseResponsibilityItem(
            @TargetAggregateIdentifier InterviewId interviewId, ResponsibilityItem item) {}

    public record RemoveResponsibilityItem(
            @TargetAggregateIdentifier InterviewId interviewId, String itemId) {}

    public record AddProblemItem(@TargetAggregateIdentifier InterviewId interviewId, ProblemItem item) {}

    public record ReviseProblemItem(
            @TargetAggregateIdentifier InterviewId interviewId, ProblemItem item) {}

    public record RemoveProblemItem(
            @TargetAggregateIdentifier InterviewId interviewId, String itemId) {}

    public record AddRiskItem(@TargetAggregateIdentifier InterviewId interviewId, RiskItem item) {}

    public record ReviseRiskItem(@TargetAggregateIdentifier InterviewId interviewId, RiskItem item) {}

    public record RemoveRiskItem(@TargetAggregateIdentifier InterviewId interviewId, String itemId) {}

    /** Copy a published template's required actions into the responsibility list (new item ids). */
    public record ApplyResponsibilityTemplate(
            @TargetAggregateIdentifier InterviewId interviewId,
            String templateId,
            List<ResponsibilityItem> requiredItems) {}

    /**
     * Add items to the three lists at once (a spreadsheet import confirmed): ids derived from the
     * file, so confirming the same file again adds nothing. Sources arrive sealed, as with AddProblemItem.
     */
    public record AddListItems(
            @TargetAggregateIdentifier InterviewId interviewId,
            List<ResponsibilityItem> responsibilities,
            List<ProblemItem> problems,
            List<RiskItem> risks) {}

    /** @param confirmNoProblems an empty problem list must be confirmed explicitly */
    public record ConductInterview(
            @TargetAggregateIdentifier InterviewId interviewId,
            LocalDate conductedOn,
            String place,
            Official lead,
            PersonRef handedOverBy,
            String recordSummary,
            Signature recordSignature,
            Signature commitmentSignature,
            boolean confirmNoProblems) {

        /** What a talk its rules allowed records: the lists frozen with their hash. */
        InterviewConducted conducted(String interviewId, Interviewee interviewee, FrozenLists frozen) {
            return new InterviewConducted(
                    interviewId,
                    interviewee,
                    conductedOn,
                    place,
                    lead.ref(),
                    handedOverBy,
                    recordSummary,
                    recordSignature,
                    commitmentSignature,
                    frozen,
                    ListsHash.of(frozen, ListsHash.CURRENT),
                    ListsHash.CURRENT);
        }
    }

    /** Destroy the interview's data key: its sealed sources can no longer be opened anywhere. */
    public record EraseConfidentialSources(
            @TargetAggregateIdentifier InterviewId interviewId, String reason, Instant erasedAt) {}
}

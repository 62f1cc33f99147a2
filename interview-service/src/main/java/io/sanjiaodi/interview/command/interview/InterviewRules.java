package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.interview.command.interview.InterviewCommands.ConductInterview;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.settings.Limits;
import java.time.LocalDate;

/** The checks of the {@link Interview} aggregate that refuse a command outright (nothing recorded). */
final class InterviewRules {

    private InterviewRules() {}

    static void requireInterviewee(Interviewee who, LocalDate plannedDate) {
        if (who == null || isBlank(who.name()) || isBlank(who.unitId()) || isBlank(who.jurisdictionId())) {
            throw Refusal.unprocessable(
                    "INTERVIEWEE_REQUIRED", "the interviewee's name, unit and jurisdiction are required");
        }
        if (plannedDate == null) {
            throw Refusal.unprocessable("PLANNED_DATE_REQUIRED", "a planned date is required");
        }
        requireDateAfterAppointment(who, plannedDate, "TALK_BEFORE_APPOINTMENT");
    }

    static void requireDateAfterAppointment(Interviewee who, LocalDate date, String code) {
        if (date == null) {
            throw Refusal.unprocessable("DATE_REQUIRED", "a date is required");
        }
        if (who.appointmentDate() != null && date.isBefore(who.appointmentDate())) {
            throw Refusal.unprocessable(
                    code,
                    "the talk (" + date + ") cannot precede the interviewee's appointment (" + who.appointmentDate()
                            + ")");
        }
    }

    static void requireStatus(InterviewStatus actual, InterviewStatus required) {
        if (actual == required) {
            return;
        }
        String code = switch (actual) {
            case CONDUCTED -> "ALREADY_CONDUCTED";
            case CANCELLED -> "INTERVIEW_CANCELLED";
            case REFUSED -> "SCHEDULING_REFUSED";
            case SCHEDULED -> "NOT_" + required;
        };
        throw Refusal.conflict(
                code,
                "the interview is " + actual.name().toLowerCase()
                        + (actual == InterviewStatus.CONDUCTED ? "; its lists are frozen" : ""));
    }

    static void requireNewItem(PreparedLists lists, String itemId) {
        if (isBlank(itemId)) {
            throw Refusal.unprocessable("ITEM_ID_REQUIRED", "a list item needs an id");
        }
        if (lists.containsItem(itemId)) {
            throw Refusal.conflict("ITEM_EXISTS", "item " + itemId + " exists already");
        }
    }

    /**
     * A new item on a list that holds {@code held} items: refused LIST_FULL when that list is full,
     * then as {@link #requireNewItem(PreparedLists, String)}. The add handlers take the Limits bean
     * as a resource (Axon resolves Spring beans as handler parameters; fixtures register it) rather
     * than the web layer putting the limit into the command: every sender is held to the same limit,
     * and the aggregate still does no I/O.
     */
    static void requireNewItem(PreparedLists lists, String itemId, int held, Limits limits) {
        requireRoom(held, 1, limits);
        requireNewItem(lists, itemId);
    }

    /**
     * A list takes at most {@code itemsPerList} items, so that each stays something a leader can be
     * handed in one talk and the frozen lists stay publishable; {@code adding} at once (a template)
     * fit or none is added.
     */
    static void requireRoom(int held, int adding, Limits limits) {
        if (held + adding > limits.itemsPerList()) {
            throw Refusal.unprocessable(
                    "LIST_FULL",
                    "the list holds " + held + " items; adding " + adding + " would pass the limit of "
                            + limits.itemsPerList());
        }
    }

    /** Each list has room for the items {@code adding} puts on it, or nothing is added. */
    static void requireRoom(PreparedLists lists, InterviewCommands.AddListItems adding, Limits limits) {
        requireRoom(lists.responsibilities(), adding.responsibilities().size(), limits);
        requireRoom(lists.problems(), adding.problems().size(), limits);
        requireRoom(lists.risks(), adding.risks().size(), limits);
    }

    static void requireItem(boolean present, String itemId) {
        if (!present) {
            throw Refusal.notFound("ITEM_NOT_FOUND", "no item " + itemId + " on that list");
        }
    }

    static void requireConductableLists(FrozenLists lists, boolean confirmNoProblems) {
        if (lists.responsibilities().isEmpty()) {
            throw Refusal.unprocessable("RESPONSIBILITY_LIST_EMPTY", "the responsibility list is empty");
        }
        if (lists.risks().isEmpty()) {
            throw Refusal.unprocessable("RISK_LIST_EMPTY", "the risk list is empty");
        }
        if (lists.problems().isEmpty() && !confirmNoProblems) {
            throw Refusal.unprocessable(
                    "PROBLEM_LIST_EMPTY_UNCONFIRMED",
                    "the problem list is empty; confirm explicitly that no problems were found");
        }
    }

    static void requireSignatures(ConductInterview c) {
        if (!signed(c.recordSignature()) || !signed(c.commitmentSignature())) {
            throw Refusal.unprocessable(
                    "SIGNATURES_REQUIRED",
                    "the interviewee signs both the interview record and the integrity commitment");
        }
        if (c.handedOverBy() == null || isBlank(c.handedOverBy().name())) {
            throw Refusal.unprocessable("HANDED_OVER_BY_REQUIRED", "who handed over the lists is required");
        }
    }

    private static boolean signed(Signature signature) {
        return signature != null && !isBlank(signature.signedBy()) && signature.signedAt() != null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

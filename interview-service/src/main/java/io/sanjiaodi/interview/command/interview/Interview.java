package io.sanjiaodi.interview.command.interview;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenListItem;
import io.sanjiaodi.contracts.interview.InterviewScheduled;
import io.sanjiaodi.contracts.interview.ListItemAdded;
import io.sanjiaodi.platform.RuleViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The 三交底 integrity interview: scheduled, its lists prepared, then conducted (lists frozen). */
@Aggregate
public class Interview {

    @AggregateIdentifier
    private String interviewId;
    private InterviewStatus status;
    private Interviewee interviewee;
    private PersonRef leadInterviewer;
    private final Map<String, FrozenListItem> items = new LinkedHashMap<>();

    protected Interview() {
        // for Axon
    }

    @CommandHandler
    public Interview(ScheduleInterview command) {
        Interviewee who = command.interviewee();
        if (who == null || isBlank(who.name()) || isBlank(who.unitId())) {
            throw RuleViolation.unprocessable("INTERVIEWEE_REQUIRED", "the interviewee's name and unit are required");
        }
        if (command.plannedDate() == null) {
            throw RuleViolation.unprocessable("PLANNED_DATE_REQUIRED", "a planned date is required");
        }
        if (who.appointmentDate() != null && command.plannedDate().isBefore(who.appointmentDate())) {
            throw RuleViolation.unprocessable("TALK_BEFORE_APPOINTMENT",
                    "the talk cannot be planned before the interviewee's appointment date");
        }
        apply(new InterviewScheduled(command.interviewId().value(), who, command.plannedDate(),
                command.place(), command.leadInterviewer()));
    }

    @CommandHandler
    public void handle(AddListItem command) {
        requireNotConducted();
        if (items.containsKey(command.itemId())) {
            throw RuleViolation.conflict("ITEM_EXISTS", "item " + command.itemId() + " already exists");
        }
        if (command.list() == null || isBlank(command.text())) {
            throw RuleViolation.unprocessable("ITEM_INCOMPLETE", "an item needs its list and its text");
        }
        apply(new ListItemAdded(interviewId, command.itemId(), command.list(), command.aspect(), command.text()));
    }

    @CommandHandler
    public void handle(ConductInterview command) {
        requireNotConducted();
        if (command.conductedOn() == null) {
            throw RuleViolation.unprocessable("CONDUCTED_ON_REQUIRED", "the date of the talk is required");
        }
        List<FrozenListItem> frozen = new ArrayList<>(items.values());
        apply(new InterviewConducted(interviewId, interviewee, command.conductedOn(), command.place(),
                leadInterviewer, frozen, ListsHash.of(frozen)));
    }

    private void requireNotConducted() {
        if (status == InterviewStatus.CONDUCTED) {
            throw RuleViolation.conflict("ALREADY_CONDUCTED", "the interview was already conducted; its lists are frozen");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @EventSourcingHandler
    void on(InterviewScheduled event) {
        interviewId = event.interviewId();
        interviewee = event.interviewee();
        leadInterviewer = event.leadInterviewer();
        status = InterviewStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(ListItemAdded event) {
        items.put(event.itemId(), new FrozenListItem(event.itemId(), event.list(), event.aspect(), event.text()));
    }

    @EventSourcingHandler
    void on(InterviewConducted event) {
        status = InterviewStatus.CONDUCTED;
    }
}

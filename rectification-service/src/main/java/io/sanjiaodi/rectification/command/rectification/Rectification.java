package io.sanjiaodi.rectification.command.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The rectification ledger (整改台账) of one conducted interview: every list item is a task on the books. */
@Aggregate
public class Rectification {

    @AggregateIdentifier
    private String ledgerId;
    private String interviewId;

    protected Rectification() {
        // for Axon
    }

    @CommandHandler
    public Rectification(OpenRectification command) {
        InterviewConducted interview = command.interview();
        List<Task> tasks = tasksFor(interview.lists());
        apply(new RectificationOpened(command.ledgerId().value(), interview.interviewId(),
                interview.interviewee().unitId(), interview.interviewee().unitName(),
                interview.interviewee().jurisdictionId(), tasks));
    }

    /** Problems are rectified, risks prevented, duties reported on (DOMAIN.md §5). */
    private static List<Task> tasksFor(FrozenLists lists) {
        List<Task> tasks = new ArrayList<>();
        lists.problems().forEach(p -> tasks.add(new Task("task-" + p.itemId(), TaskKind.PROBLEM_RECTIFICATION,
                p.itemId(), p.aspect(), p.description())));
        lists.risks().forEach(r -> tasks.add(new Task("task-" + r.itemId(), TaskKind.RISK_PREVENTION,
                r.itemId(), r.businessArea(), r.description())));
        lists.responsibilities().forEach(d -> tasks.add(new Task("task-" + d.itemId(), TaskKind.DUTY,
                d.itemId(), null, d.text())));
        return tasks;
    }

    @EventSourcingHandler
    void on(RectificationOpened event) {
        ledgerId = event.ledgerId();
        interviewId = event.interviewId();
    }
}

package io.sanjiaodi.rectification.command.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenListItem;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
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
        List<Task> tasks = interview.items().stream().map(Rectification::taskFor).toList();
        apply(new RectificationOpened(command.ledgerId().value(), interview.interviewId(),
                interview.interviewee().unitId(), interview.interviewee().unitName(),
                interview.interviewee().jurisdictionId(), tasks));
    }

    /** Problems are rectified, risks prevented, duties reported on (DOMAIN.md §5). */
    private static Task taskFor(FrozenListItem item) {
        TaskKind kind = switch (item.list()) {
            case PROBLEM -> TaskKind.PROBLEM_RECTIFICATION;
            case RISK -> TaskKind.RISK_PREVENTION;
            case RESPONSIBILITY -> TaskKind.DUTY;
        };
        return new Task("task-" + item.itemId(), kind, item.itemId(), item.text());
    }

    @EventSourcingHandler
    void on(RectificationOpened event) {
        ledgerId = event.ledgerId();
        interviewId = event.interviewId();
    }
}

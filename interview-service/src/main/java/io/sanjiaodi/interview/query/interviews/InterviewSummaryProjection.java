package io.sanjiaodi.interview.query.interviews;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewScheduled;
import io.sanjiaodi.contracts.interview.ListItemAdded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link InterviewSummary} up to date. Every update is guarded by the aggregate sequence
 * number, so an event handled twice (after a crash before the token was stored) changes nothing.
 */
@Component
@ProcessingGroup("interview-summary")
public class InterviewSummaryProjection {

    private final MongoTemplate mongo;

    public InterviewSummaryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(InterviewScheduled event, @SequenceNumber long sequence) {
        mongo.save(new InterviewSummary(event.interviewId(), event.interviewee(), event.plannedDate(),
                event.place(), event.leadInterviewer(), "SCHEDULED", 0, null, null, sequence));
    }

    @EventHandler
    void on(ListItemAdded event, @SequenceNumber long sequence) {
        apply(event.interviewId(), sequence, new Update().inc("itemCount", 1));
    }

    @EventHandler
    void on(InterviewConducted event, @SequenceNumber long sequence) {
        apply(event.interviewId(), sequence, new Update()
                .set("status", "CONDUCTED")
                .set("conductedOn", event.conductedOn())
                .set("place", event.place())
                .set("listsHash", event.listsHash()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(InterviewSummary.class);
    }

    private void apply(String interviewId, long sequence, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(interviewId).and("lastSequence").lt(sequence)),
                update.set("lastSequence", sequence), InterviewSummary.class);
    }
}

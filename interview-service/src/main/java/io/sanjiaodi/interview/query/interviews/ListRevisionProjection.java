package io.sanjiaodi.interview.query.interviews;

import io.sanjiaodi.contracts.interview.*;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Records every list change once, keyed by the event id (a redelivery rewrites the same document). */
@Component
@ProcessingGroup("list-revisions")
public class ListRevisionProjection {

    private final MongoTemplate mongo;

    public ListRevisionProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ResponsibilityItemAdded e, EventMessage<?> m, @Timestamp Instant at) {
        save(
                m,
                e.interviewId(),
                e.listVersion(),
                "RESPONSIBILITY",
                "ADDED",
                e.item().itemId(),
                e.item(),
                at);
    }

    @EventHandler
    void on(ResponsibilityItemRevised e, EventMessage<?> m, @Timestamp Instant at) {
        save(
                m,
                e.interviewId(),
                e.listVersion(),
                "RESPONSIBILITY",
                "REVISED",
                e.item().itemId(),
                e.item(),
                at);
    }

    @EventHandler
    void on(ResponsibilityItemRemoved e, EventMessage<?> m, @Timestamp Instant at) {
        save(m, e.interviewId(), e.listVersion(), "RESPONSIBILITY", "REMOVED", e.itemId(), null, at);
    }

    @EventHandler
    void on(ProblemItemAdded e, EventMessage<?> m, @Timestamp Instant at) {
        save(m, e.interviewId(), e.listVersion(), "PROBLEM", "ADDED", e.item().itemId(), e.item(), at);
    }

    @EventHandler
    void on(ProblemItemRevised e, EventMessage<?> m, @Timestamp Instant at) {
        save(m, e.interviewId(), e.listVersion(), "PROBLEM", "REVISED", e.item().itemId(), e.item(), at);
    }

    @EventHandler
    void on(ProblemItemRemoved e, EventMessage<?> m, @Timestamp Instant at) {
        save(m, e.interviewId(), e.listVersion(), "PROBLEM", "REMOVED", e.itemId(), null, at);
    }

    @EventHandler
    void on(RiskItemAdded e, EventMessage<?> m, @Timestamp Instant at) {
        save(m, e.interviewId(), e.listVersion(), "RISK", "ADDED", e.item().itemId(), e.item(), at);
    }

    @EventHandler
    void on(RiskItemRevised e, EventMessage<?> m, @Timestamp Instant at) {
        save(m, e.interviewId(), e.listVersion(), "RISK", "REVISED", e.item().itemId(), e.item(), at);
    }

    @EventHandler
    void on(RiskItemRemoved e, EventMessage<?> m, @Timestamp Instant at) {
        save(m, e.interviewId(), e.listVersion(), "RISK", "REMOVED", e.itemId(), null, at);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ListRevision.class);
    }

    private void save(
            EventMessage<?> m,
            String interviewId,
            int version,
            String list,
            String change,
            String itemId,
            Object item,
            Instant at) {
        mongo.save(new ListRevision(m.getIdentifier(), interviewId, version, list, change, itemId, item, at));
    }
}

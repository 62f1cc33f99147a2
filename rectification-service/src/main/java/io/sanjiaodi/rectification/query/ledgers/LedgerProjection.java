package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.contracts.rectification.RectificationOpened;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup("ledgers")
public class LedgerProjection {

    private final MongoTemplate mongo;

    public LedgerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A save by id: handling the same event twice writes the same document. */
    @EventHandler
    void on(RectificationOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        mongo.save(new LedgerView(event.ledgerId(), event.interviewId(), event.unitId(), event.unitName(),
                event.jurisdictionId(), "OPEN", at, event.tasks(), sequence));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(LedgerView.class);
    }
}

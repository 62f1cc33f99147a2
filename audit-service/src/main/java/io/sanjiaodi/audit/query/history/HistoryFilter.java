package io.sanjiaodi.audit.query.history;

import java.time.Instant;
import org.springframework.data.mongodb.core.query.Criteria;

/** Any combination of the history filters; {@code from} inclusive, {@code to} exclusive, on the event time. */
public record HistoryFilter(
        String aggregateId, String unitId, String jurisdictionId, String actor, String type, Instant from, Instant to) {

    Criteria criteria() {
        Criteria c = Criteria.where("logIndex").ne(null);
        if (aggregateId != null) {
            c = c.and("aggregateId").is(aggregateId);
        }
        if (unitId != null) {
            c = c.and("unitId").is(unitId);
        }
        if (jurisdictionId != null) {
            c = c.and("jurisdictionId").is(jurisdictionId);
        }
        if (actor != null) {
            c = c.and("actor").is(actor);
        }
        if (type != null) {
            c = c.and("type").is(type);
        }
        if (from != null || to != null) {
            Criteria time = c.and("eventTime");
            if (from != null) {
                time = time.gte(from);
            }
            if (to != null) {
                time.lt(to);
            }
        }
        return c;
    }
}

package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.contracts.Topics;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refused requests (AccessDenied, topic {@value Topics#SECURITY_EVENTS}) as recorded in the trail,
 * newest first: the same entries as in {@code /api/audit/events}, provable the same way.
 */
@RestController
@Validated
class SecurityEventController {

    private final MongoTemplate mongo;

    SecurityEventController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/audit/security-events")
    List<AuditEntry> find(
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Criteria criteria = Criteria.where("topic").is(Topics.SECURITY_EVENTS);
        if (actor != null) {
            criteria = criteria.and("payload.userId").is(actor);
        }
        if (!ReaderScope.current().seesSecurityEvents()) {
            return List.of(); // the refused requests of every jurisdiction: for the root's auditors
        }
        return mongo.find(
                Query.query(criteria)
                        .with(Sort.by(Sort.Direction.DESC, "logIndex"))
                        .skip((long) page * size)
                        .limit(size),
                AuditEntry.class);
    }
}

package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.platform.Refusal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/audit/events")
class AuditController {

    private final MongoTemplate mongo;

    AuditController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Recorded events in log order; filter by aggregate (CloudEvents subject) and/or event type.
     * Only the reader's jurisdiction's entries, left out before paging.
     */
    @GetMapping
    List<AuditEntry> find(
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Criteria criteria = new Criteria();
        if (aggregateId != null) {
            criteria = criteria.and("aggregateId").is(aggregateId);
        }
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        ReaderScope scope = ReaderScope.current();
        Query query = Query.query(scope.and(criteria))
                .with(Sort.by("logIndex"))
                .skip((long) page * size)
                .limit(size);
        return scope.shown(mongo.find(query, AuditEntry.class));
    }

    @GetMapping("/{eventId}")
    AuditEntry get(@PathVariable String eventId) {
        AuditEntry entry = mongo.findById(eventId, AuditEntry.class);
        if (entry == null) {
            throw Refusal.notFound("AUDIT_ENTRY_NOT_FOUND", "no audit entry " + eventId);
        }
        ReaderScope scope = ReaderScope.current();
        return scope.shown(scope.require(entry, "audit entry " + eventId));
    }
}

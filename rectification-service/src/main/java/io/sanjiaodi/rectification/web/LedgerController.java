package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.RuleViolation;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/ledgers")
class LedgerController {

    private final MongoTemplate mongo;

    LedgerController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/{ledgerId}")
    LedgerView get(@PathVariable String ledgerId) {
        LedgerView ledger = mongo.findById(ledgerId, LedgerView.class);
        if (ledger == null) {
            throw RuleViolation.notFound("LEDGER_NOT_FOUND", "no ledger " + ledgerId);
        }
        return ledger;
    }

    /** Ledgers of one interview (at most one) or all ledgers, newest first. */
    @GetMapping
    List<LedgerView> find(@RequestParam(required = false) String interviewId) {
        Query query = interviewId == null ? new Query() : Query.query(Criteria.where("interviewId").is(interviewId));
        return mongo.find(query.limit(200), LedgerView.class);
    }
}

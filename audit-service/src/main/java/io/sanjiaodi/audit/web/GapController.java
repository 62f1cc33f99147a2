package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.leaf.Gap;
import io.sanjiaodi.audit.query.ReaderScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GapController {

    private final AuditLog log;

    GapController(AuditLog log) {
        this.log = log;
    }

    /**
     * Aggregates whose sequence numbers have holes right now; an entry disappears when its late
     * events arrive. Only the reader's jurisdiction's aggregates (those of none: the root's).
     */
    @GetMapping("/api/audit/gaps")
    List<Gap> gaps() {
        ReaderScope scope = ReaderScope.current();
        return log.gaps().stream()
                .filter(gap -> scope.seesJurisdiction(log.jurisdictionOf(gap.source(), gap.aggregateId())))
                .toList();
    }
}

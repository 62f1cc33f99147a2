package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.leaf.Gap;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GapController {

    private final AuditLog log;

    GapController(AuditLog log) {
        this.log = log;
    }

    /** Aggregates whose sequence numbers have holes right now; an entry disappears when its late events arrive. */
    @GetMapping("/api/audit/gaps")
    List<Gap> gaps() {
        return log.gaps();
    }
}

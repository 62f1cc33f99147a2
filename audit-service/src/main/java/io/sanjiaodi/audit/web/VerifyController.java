package io.sanjiaodi.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.verify.ExportRecord;
import io.sanjiaodi.audit.verify.StoredLogVerifier;
import io.sanjiaodi.audit.verify.VerificationReport;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Re-verification of the stored log, and its export for verifiers that trust nothing of ours. */
@RestController
@RequestMapping("/api/audit")
class VerifyController {

    private final StoredLogVerifier verifier;
    private final MongoTemplate mongo;
    private final ObjectMapper json;

    VerifyController(StoredLogVerifier verifier, MongoTemplate mongo, ObjectMapper json) {
        this.verifier = verifier;
        this.mongo = mongo;
        this.json = json;
    }

    @PostMapping("/verify")
    VerificationReport verify() {
        return verifier.verify();
    }

    /** Every log entry in index order as JSON lines (application/x-ndjson), streamed. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export() {
        StreamingResponseBody body = out -> write(new BufferedOutputStream(out, 1 << 16));
        return ResponseEntity.ok().header("Content-Type", "application/x-ndjson").body(body);
    }

    private void write(OutputStream out) throws java.io.IOException {
        Query query = new Query(Criteria.where("logIndex").ne(null)).with(Sort.by("logIndex"));
        try (var entries = mongo.stream(query, AuditEntry.class)) {
            for (var it = entries.iterator(); it.hasNext(); ) {
                out.write(json.writeValueAsBytes(ExportRecord.of(it.next())));
                out.write('\n');
            }
        }
        out.flush();
    }
}

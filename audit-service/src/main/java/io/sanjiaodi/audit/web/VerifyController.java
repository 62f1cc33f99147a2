package io.sanjiaodi.audit.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.completeness.CompletenessChecker;
import io.sanjiaodi.audit.completeness.CompletenessReport;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.LogOrder;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.StoredLogVerifier;
import io.sanjiaodi.audit.verify.VerificationReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    private final CompletenessChecker completeness;

    VerifyController(
            StoredLogVerifier verifier, MongoTemplate mongo, ObjectMapper json, CompletenessChecker completeness) {
        this.verifier = verifier;
        this.mongo = mongo;
        this.json = json;
        this.completeness = completeness;
    }

    /**
     * The whole log re-verified; the report names only the reader's entries and counts the rest.
     * {@code producerCompleteness}: the log checked against every producer's latest statement.
     */
    @PostMapping("/verify")
    VerifyResponse verify() {
        ReaderScope scope = ReaderScope.current();
        return new VerifyResponse(verifier.verify(scope), completeness.check(scope));
    }

    /** The log verification's fields as before, with the completeness check beside them. */
    record VerifyResponse(@JsonUnwrapped VerificationReport report, CompletenessReport producerCompleteness) {}

    /**
     * Every log entry in index order as JSON lines (application/x-ndjson), streamed: in full where
     * the reader sees it, else as index and leaf hash only (what the offline verifier needs to
     * rebuild the tree and check it against the signed roots).
     */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export() {
        ReaderScope scope = ReaderScope.current(); // now: the stream is written on another thread
        StreamingResponseBody body = out -> write(new BufferedOutputStream(out, 1 << 16), scope);
        return ResponseEntity.ok()
                .header("Content-Type", "application/x-ndjson")
                .body(body);
    }

    private void write(OutputStream out, ReaderScope scope) throws IOException {
        try {
            LogOrder.forEach(mongo, AuditEntry.class, entry -> {
                try {
                    out.write(json.writeValueAsBytes(scope.exportLine(entry)));
                    out.write('\n');
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away: as before, an IOException for the servlet container
        }
        out.flush();
    }
}

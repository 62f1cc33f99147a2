package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.completeness.CompletenessProofs;
import io.sanjiaodi.audit.completeness.CompletenessProofs.CompletenessProof;
import io.sanjiaodi.audit.query.ReaderScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The completeness proof of a producer statement (who may call: AuditSecurity's /api/audit/** rule). */
@RestController
@RequestMapping("/api/audit/completeness")
class CompletenessController {

    private final CompletenessProofs proofs;

    CompletenessController(CompletenessProofs proofs) {
        this.proofs = proofs;
    }

    /** The producer's statement of {@code size} (default: its latest) with an inclusion proof per position. */
    @GetMapping
    CompletenessProof completeness(@RequestParam String producer, @RequestParam(required = false) Long size) {
        return proofs.prove(producer, size, ReaderScope.current());
    }
}

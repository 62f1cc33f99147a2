package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.proof.ProofService;
import io.sanjiaodi.audit.proof.ProofService.ConsistencyProof;
import io.sanjiaodi.audit.proof.ProofService.InclusionProof;
import io.sanjiaodi.audit.query.ReaderScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** RFC 9162 proofs against signed checkpoints; hashes in lower-case hex. */
@RestController
@RequestMapping("/api/audit/proofs")
class ProofController {

    private final ProofService proofs;

    ProofController(ProofService proofs) {
        this.proofs = proofs;
    }

    /** Inclusion of one event in the checkpoint of {@code treeSize} (default: the latest checkpoint). */
    @GetMapping("/inclusion")
    InclusionProof inclusion(@RequestParam String eventId, @RequestParam(required = false) Long treeSize) {
        return proofs.inclusion(eventId, treeSize, ReaderScope.current());
    }

    /**
     * The checkpoint of size {@code to} (default: latest) extends the tree of size {@code from}:
     * hashes only, no entry, so the same for every reader.
     */
    @GetMapping("/consistency")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return proofs.consistency(from, to);
    }
}

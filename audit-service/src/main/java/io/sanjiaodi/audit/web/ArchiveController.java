package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.archive.LedgerArchiveService;
import io.sanjiaodi.audit.proof.AsOfProofService;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import jakarta.validation.constraints.Min;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a third party verifies offline: an aggregate as of a checkpoint with its proofs, and a
 * ledger's self-verifying archive. Scoped like the history ({@link ReaderScope}).
 */
@RestController
@Validated
@RequestMapping("/api/audit")
class ArchiveController {

    private final AsOfProofService proofs;
    private final LedgerArchiveService archives;

    ArchiveController(AsOfProofService proofs, LedgerArchiveService archives) {
        this.proofs = proofs;
        this.archives = archives;
    }

    /** As of the signed checkpoint of {@code checkpoint} (a tree size; default the latest), with proof. */
    @GetMapping("/aggregates/{aggregateId}/proof")
    AsOfProof asOfWithProof(@PathVariable String aggregateId, @RequestParam(required = false) @Min(0) Long checkpoint) {
        return proofs.prove(aggregateId, checkpoint, ReaderScope.current());
    }

    // no produces=: a refusal must still render as a problem (application/problem+json)
    @GetMapping("/archives/ledgers/{ledgerId}.zip")
    ResponseEntity<byte[]> ledgerArchive(@PathVariable String ledgerId) {
        byte[] zip = archives.archive(ledgerId, ReaderScope.current());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("archive-" + ledgerId + ".zip")
                                .build()
                                .toString())
                .body(zip);
    }
}

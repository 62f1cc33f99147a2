package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.command.rectification.ActorRole;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.Permissions;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.AttachEvidence;
import io.sanjiaodi.rectification.evidence.EvidenceStore;
import io.sanjiaodi.rectification.evidence.EvidenceStore.StoredEvidence;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files: stored in GridFS first, then recorded on the ledger (EvidenceAttached). */
@RestController
@Validated
@RequestMapping("/api/ledgers/{ledgerId}")
class EvidenceController {

    private final CommandGateway commands;
    private final EvidenceStore store;
    private final LedgerQueries queries;

    EvidenceController(CommandGateway commands, EvidenceStore store, LedgerQueries queries) {
        this.commands = commands;
        this.store = store;
        this.queries = queries;
    }

    /**
     * The file is removed again when the ledger refuses it, so no unrecorded file stays behind. The
     * same file (name and SHA-256) uploaded to the same task again answers with the evidence on
     * record and stores nothing: a client may retry an upload whose answer it lost.
     */
    @PostMapping(path = "/tasks/{taskId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StoredEvidence attach(
            @PathVariable LedgerId ledgerId,
            @PathVariable @Pattern(regexp = LedgerRequests.DERIVED_ID) String taskId,
            @RequestPart("file") MultipartFile file,
            @ActingRole ActorRole actor,
            @Today LocalDate today)
            throws IOException {
        // checked before anything is stored; the ledger checks again when the evidence is recorded
        Permissions.require(actor, Permissions.Action.REPORT_PROGRESS);
        StoredEvidence stored;
        try (InputStream content = file.getInputStream()) {
            stored = store.store(
                    ledgerId.value(),
                    taskId,
                    file.getOriginalFilename(),
                    file.getContentType(),
                    file.getSize(),
                    content);
        }
        String standing;
        try {
            standing = commands.sendAndWait(new AttachEvidence(
                    ledgerId,
                    taskId,
                    stored.evidenceId(),
                    stored.fileName(),
                    stored.contentType(),
                    stored.size(),
                    stored.sha256(),
                    today,
                    actor));
        } catch (RuntimeException refused) {
            store.delete(stored.evidenceId());
            throw refused;
        }
        if (standing != null && !stored.evidenceId().equals(standing)) {
            // the same file on the same task again (a retry after a lost answer): the first stays
            store.delete(stored.evidenceId());
            return new StoredEvidence(
                    standing, stored.fileName(), stored.contentType(), stored.size(), stored.sha256());
        }
        return stored;
    }

    /** Always a download (attachment, octet-stream, nosniff): an uploaded file is never rendered by the browser. */
    @GetMapping("/evidence/{evidenceId}")
    ResponseEntity<InputStreamResource> download(
            @PathVariable LedgerId ledgerId, @PathVariable @Pattern(regexp = LedgerRequests.ID) String evidenceId)
            throws IOException {
        LedgerView ledger = queries.get(ledgerId.value());
        LedgerView.Evidence recorded = ledger.evidence.stream()
                .filter(e -> e.evidenceId().equals(evidenceId))
                .findFirst()
                .orElseThrow(() ->
                        Refusal.notFound("EVIDENCE_NOT_FOUND", "no evidence " + evidenceId + " on ledger " + ledgerId));
        var resource = store.open(evidenceId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(recorded.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(recorded.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SHA256", recorded.sha256())
                .body(new InputStreamResource(resource.getInputStream()));
    }
}

package io.sanjiaodi.rectification.web;

import io.sanjiaodi.documents.DocumentFormat;
import io.sanjiaodi.documents.Documents;
import io.sanjiaodi.documents.OfficialDocument;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.documents.LedgerDocuments;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import jakarta.validation.constraints.Pattern;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's documents as PDF (default) or Word ({@code format=docx}), drawn from the ledger as
 * the reader may see it (a subordinate unit: only what was cascaded to it).
 */
@RestController
@Validated
@RequestMapping("/api/ledgers/{ledgerId}/documents")
class LedgerDocumentController {

    private final LedgerQueries queries;
    private final Documents documents;
    private final LedgerDocuments ledgers;

    LedgerDocumentController(LedgerQueries queries, Documents documents, LedgerDocuments ledgers) {
        this.queries = queries;
        this.documents = documents;
        this.ledgers = ledgers;
    }

    @GetMapping("/ledger")
    ResponseEntity<byte[]> ledger(@PathVariable LedgerId ledgerId, @RequestParam(required = false) String format) {
        return download(ledgerId, format, "整改台账", ledgers::ledger);
    }

    /** The latest stage evaluation, or the one named by {@code evaluationId}. */
    @GetMapping("/stage-evaluation")
    ResponseEntity<byte[]> stageEvaluation(
            @PathVariable LedgerId ledgerId,
            @RequestParam(required = false) @Pattern(regexp = LedgerRequests.ID) String evaluationId,
            @RequestParam(required = false) String format) {
        return download(ledgerId, format, "阶段评估对账报告", v -> ledgers.stageEvaluation(v, evaluationId));
    }

    @GetMapping("/written-report")
    ResponseEntity<byte[]> writtenReport(
            @PathVariable LedgerId ledgerId, @RequestParam(required = false) String format) {
        return download(ledgerId, format, "书面报告登记单", ledgers::writtenReportSlip);
    }

    private ResponseEntity<byte[]> download(
            LedgerId ledgerId, String format, String title, Function<LedgerView, OfficialDocument> document) {
        DocumentFormat asked = DocumentFormat.of(format);
        LedgerView view = RectificationSecurity.forReader(Actors.require(), queries.get(ledgerId.value()));
        return documents.download(document.apply(view), asked, (view.unitName == null ? "" : view.unitName) + title);
    }
}

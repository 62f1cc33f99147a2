package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries.Reconciliation;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries.TaskWarning;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger as a whole: the view with tasks and history, its warnings and its reconciliation. */
@RestController
@Validated
@RequestMapping("/api/ledgers")
class LedgerController {

    private final LedgerQueries queries;

    LedgerController(LedgerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{ledgerId}")
    LedgerView get(@PathVariable LedgerId ledgerId) {
        return RectificationSecurity.forReader(Actors.require(), queries.get(ledgerId.value()));
    }

    /** The ledger of one interview (at most one), or the ledgers of a jurisdiction, or all; newest first. */
    @GetMapping
    List<LedgerView> find(
            @RequestParam(required = false) @Pattern(regexp = LedgerRequests.ID) String interviewId,
            @RequestParam(required = false) @Pattern(regexp = LedgerRequests.ID) String jurisdictionId) {
        var actor = Actors.require();
        return queries.find(interviewId, jurisdictionId).stream()
                .filter(ledger -> RectificationSecurity.visible(actor, ledger))
                .map(ledger -> RectificationSecurity.forReader(actor, ledger))
                .toList();
    }

    @GetMapping("/{ledgerId}/warnings")
    List<TaskWarning> warnings(@PathVariable LedgerId ledgerId) {
        return queries.warnings(ledgerId.value());
    }

    @GetMapping("/{ledgerId}/reconciliation")
    Reconciliation reconciliation(@PathVariable LedgerId ledgerId) {
        return queries.reconciliation(ledgerId.value());
    }
}

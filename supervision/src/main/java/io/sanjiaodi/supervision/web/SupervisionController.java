package io.sanjiaodi.supervision.web;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.supervision.intake.SupervisionIntake;
import io.sanjiaodi.supervision.projection.InterviewRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.query.SupervisionQueries;
import io.sanjiaodi.supervision.query.SupervisionViews.*;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** What the commission looks at (docs/domain.md §3), as JSON for the dashboard and for other tools. */
@RestController
@Validated
@RequestMapping("/api/supervision")
class SupervisionController {

    static final String ID = "^[A-Za-z0-9_-]{1,80}$";
    private final SupervisionQueries queries;
    private final SupervisionIntake intake;

    SupervisionController(SupervisionQueries queries, SupervisionIntake intake) {
        this.queries = queries;
        this.intake = intake;
    }

    @GetMapping("/overview")
    Overview overview(
            @RequestParam(required = false) @Pattern(regexp = ID) String jurisdictionId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return queries.overview(SupervisionSecurity.jurisdiction(jurisdictionId), year, SupervisionSecurity::counts);
    }

    @GetMapping("/ledgers")
    List<LedgerRecord> ledgers(
            @RequestParam(required = false) @Pattern(regexp = ID) String jurisdictionId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return SupervisionSecurity.visible(
                queries.ledgers(SupervisionSecurity.jurisdiction(jurisdictionId), year),
                r -> r.unitId,
                r -> r.jurisdictionId);
    }

    /** The ledger page: the ledger with its tasks and the interview's three lists. */
    @GetMapping("/ledgers/{ledgerId}")
    Map<String, Object> ledger(@PathVariable @Pattern(regexp = ID) String ledgerId) {
        LedgerRecord ledger = queries.ledger(ledgerId);
        Actors.requireScope(Actors.require().mayAccessUnit(ledger.unitId, ledger.jurisdictionId), "ledger " + ledgerId);
        InterviewRecord interview = ledger.interviewId == null ? null : queries.interview(ledger.interviewId);
        return Map.of("ledger", ledger, "interview", interview == null ? Map.of() : interview);
    }

    @GetMapping("/interviews")
    List<InterviewRecord> interviews(
            @RequestParam(required = false) @Pattern(regexp = ID) String jurisdictionId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return SupervisionSecurity.visible(
                queries.interviews(SupervisionSecurity.jurisdiction(jurisdictionId), year),
                r -> r.unitId,
                r -> r.jurisdictionId);
    }

    @GetMapping("/warnings")
    List<TaskWarning> warnings(
            @RequestParam(required = false) @Pattern(regexp = ID) String jurisdictionId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) @Pattern(regexp = "^(YELLOW|ORANGE|RED)$") String level) {
        return SupervisionSecurity.visible(
                queries.warnings(
                        SupervisionSecurity.jurisdiction(jurisdictionId),
                        year,
                        level == null ? null : WarningLevel.valueOf(level)),
                TaskWarning::unitId,
                TaskWarning::jurisdictionId);
    }

    @GetMapping("/evaluation")
    List<EvaluationRow> evaluation(
            @RequestParam(required = false) @Pattern(regexp = ID) String jurisdictionId,
            @RequestParam @Min(2000) @Max(2100) int year) {
        return SupervisionSecurity.visible(
                queries.evaluation(SupervisionSecurity.jurisdiction(jurisdictionId), year),
                EvaluationRow::unitId,
                EvaluationRow::jurisdictionId);
    }

    @GetMapping("/accountability")
    List<AccountabilityRow> accountability(
            @RequestParam(required = false) @Pattern(regexp = ID) String jurisdictionId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return SupervisionSecurity.visible(
                queries.accountability(SupervisionSecurity.jurisdiction(jurisdictionId), year),
                AccountabilityRow::unitId,
                AccountabilityRow::jurisdictionId);
    }

    /** Drops every supervision model and rebuilds it from the topics; the models fill again within seconds. */
    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> rebuild() {
        return Map.of("status", intake.rebuild() ? "rebuilding" : "already rebuilding");
    }

    /** Whether a rebuild runs, the figures of the last completed one (events, events/s), and why a later one failed. */
    @GetMapping("/rebuild")
    Map<String, Object> rebuildStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("rebuilding", intake.isRebuilding());
        intake.lastRebuild()
                .ifPresent(last -> status.put(
                        "last",
                        Map.of(
                                "events",
                                last.events(),
                                "changed",
                                last.changed(),
                                "failedAggregates",
                                last.failedAggregates(),
                                "millis",
                                last.millis(),
                                "eventsPerSecond",
                                Math.round(last.eventsPerSecond()))));
        // "last" is the latest rebuild that completed; a later one that failed is named here
        intake.lastFailure().ifPresent(failure -> status.put("lastFailure", failure));
        return status;
    }
}

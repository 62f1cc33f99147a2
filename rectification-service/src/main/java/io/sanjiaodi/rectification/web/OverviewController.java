package io.sanjiaodi.rectification.web;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.rectification.command.rectification.ActorRole;
import io.sanjiaodi.rectification.command.rectification.Permissions;
import io.sanjiaodi.rectification.deadlines.DeadlineSweeper;
import io.sanjiaodi.rectification.deadlines.DeadlineSweeper.Result;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries.LateReport;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries.TaskWarning;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Across ledgers: warnings, overdue tasks and late reports per jurisdiction; an on-demand deadline sweep. */
@RestController
@Validated
@RequestMapping("/api")
class OverviewController {

    private final LedgerQueries queries;
    private final DeadlineSweeper sweeper;

    OverviewController(LedgerQueries queries, DeadlineSweeper sweeper) {
        this.queries = queries;
        this.sweeper = sweeper;
    }

    /** Tasks at a warning level (YELLOW, ORANGE, RED; all three when omitted). */
    @GetMapping("/tasks/warnings")
    List<TaskWarning> warnings(
            @RequestParam(required = false) WarningLevel level,
            @RequestParam(required = false) @Pattern(regexp = LedgerRequests.ID) String jurisdictionId) {
        return queries.warnings(level, jurisdictionId).stream()
                .filter(RectificationSecurity.visibleRows(
                        Actors.require(), TaskWarning::unitId, TaskWarning::jurisdictionId))
                .toList();
    }

    @GetMapping("/tasks/overdue")
    List<TaskWarning> overdue(
            @RequestParam(required = false) @Pattern(regexp = LedgerRequests.ID) String jurisdictionId) {
        return queries.overdue(jurisdictionId).stream()
                .filter(RectificationSecurity.visibleRows(
                        Actors.require(), TaskWarning::unitId, TaskWarning::jurisdictionId))
                .toList();
    }

    @GetMapping("/written-reports/late")
    List<LateReport> lateReports(
            @RequestParam(required = false) @Pattern(regexp = LedgerRequests.ID) String jurisdictionId) {
        return queries.lateWrittenReports(jurisdictionId).stream()
                .filter(RectificationSecurity.visibleRows(
                        Actors.require(), LateReport::unitId, LateReport::jurisdictionId))
                .toList();
    }

    /** Runs the deadline sweep now instead of waiting for the schedule (same exactly-once guarantees). */
    @PostMapping("/deadline-sweeps")
    Result sweep(@ActingRole ActorRole actor) {
        Permissions.require(actor, Permissions.Action.SWEEP);
        return sweeper.sweep();
    }
}

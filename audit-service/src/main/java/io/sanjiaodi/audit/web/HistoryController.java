package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.query.history.HistoryFilter;
import io.sanjiaodi.audit.query.history.HistoryService;
import io.sanjiaodi.audit.query.history.HistoryService.AsOf;
import io.sanjiaodi.audit.query.history.HistoryService.Diff;
import io.sanjiaodi.audit.query.history.HistoryService.HistoryPage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * History queries, cut to the reader's jurisdiction ({@link ReaderScope}); times are ISO-8601
 * instants (e.g. 2019-03-20T00:00:00Z).
 */
@RestController
@Validated
@RequestMapping("/api/audit")
class HistoryController {

    private final HistoryService history;

    HistoryController(HistoryService history) {
        this.history = history;
    }

    @GetMapping("/history")
    HistoryPage find(
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String jurisdictionId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return history.find(
                new HistoryFilter(aggregateId, unitId, jurisdictionId, actor, type, from, to),
                ReaderScope.current(),
                page,
                size);
    }

    /** The aggregate's events and summary as of a time or a checkpoint's tree size (neither: now). */
    @GetMapping("/aggregates/{aggregateId}")
    AsOf asOf(
            @PathVariable String aggregateId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) @Min(0) Long checkpoint) {
        return history.asOf(aggregateId, asOf, checkpoint, ReaderScope.current());
    }

    @GetMapping("/aggregates/{aggregateId}/diff")
    Diff diff(@PathVariable String aggregateId, @RequestParam Instant from, @RequestParam Instant to) {
        return history.diff(aggregateId, from, to, ReaderScope.current());
    }
}

package io.sanjiaodi.rectification.deadlines;

import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.MarkTaskOverdue;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.MarkWrittenReportOverdue;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries.Due;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks what is past due as overdue. Exactly once: the read model only proposes candidates; the
 * aggregate emits {@code TaskBecameOverdue} / {@code WrittenReportBecameOverdue} only if not marked
 * yet, and the event store's unique (aggregate, sequence) index lets only one of two racing
 * instances append — the loser gets a ConcurrencyException and leaves it to the winner.
 */
public class DeadlineSweeper {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final LedgerQueries ledgers;
    private final CommandGateway commands;

    public DeadlineSweeper(LedgerQueries ledgers, CommandGateway commands) {
        this.ledgers = ledgers;
        this.commands = commands;
    }

    public record Result(int tasksMarked, int reportsMarked, int conflicts, int failures) {}

    public Result sweep() {
        return sweep(ledgers.today());
    }

    public Result sweep(LocalDate today) {
        int tasks = 0;
        int reports = 0;
        int conflicts = 0;
        int failures = 0;
        for (Due due : ledgers.dueOn(today)) {
            LedgerId ledgerId = new LedgerId(due.ledgerId());
            for (String taskId : due.overdueTaskIds()) {
                Outcome outcome = send(new MarkTaskOverdue(ledgerId, taskId, today));
                tasks += outcome == Outcome.MARKED ? 1 : 0;
                conflicts += outcome == Outcome.CONFLICT ? 1 : 0;
                failures += outcome == Outcome.FAILED ? 1 : 0;
            }
            if (due.writtenReportOverdue()) {
                Outcome outcome = send(new MarkWrittenReportOverdue(ledgerId, today));
                reports += outcome == Outcome.MARKED ? 1 : 0;
                conflicts += outcome == Outcome.CONFLICT ? 1 : 0;
                failures += outcome == Outcome.FAILED ? 1 : 0;
            }
        }
        Result result = new Result(tasks, reports, conflicts, failures);
        if (tasks + reports + conflicts + failures > 0) {
            log.info("deadline sweep for {}: {}", today, result);
        }
        return result;
    }

    private enum Outcome {
        MARKED,
        NOTHING,
        CONFLICT,
        FAILED
    }

    private Outcome send(Object command) {
        try {
            Boolean marked = commands.sendAndWait(command);
            return Boolean.TRUE.equals(marked) ? Outcome.MARKED : Outcome.NOTHING;
        } catch (ConcurrencyException raced) {
            // another instance appended to this ledger at the same time; the next sweep re-checks
            return Outcome.CONFLICT;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ConcurrencyException) {
                return Outcome.CONFLICT;
            }
            log.warn("deadline sweep could not send {}; the next sweep retries", command, e);
            return Outcome.FAILED;
        }
    }
}

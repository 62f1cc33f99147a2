package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.interview.ConfidentialSourcesErased;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.EraseConfidentialSources;
import io.sanjiaodi.platform.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * The interview's confidential sources as the aggregate knows them: only sealed (the web layer
 * seals before it sends a command; the aggregate never sees a key) and, once erased, never again.
 * An entity of the interview so that the erasure keeps apart from the list rules.
 */
final class ConfidentialSources {

    private boolean erased;

    @CommandHandler
    void handle(EraseConfidentialSources c) {
        if (c.reason() == null || c.reason().isBlank()) {
            throw Refusal.unprocessable("ERASURE_REASON_REQUIRED", "an erasure of sources needs its reason");
        }
        if (erased) {
            throw Refusal.conflict(
                    "SOURCES_ALREADY_ERASED", "the confidential sources of this interview are already erased");
        }
        AggregateLifecycle.apply(new ConfidentialSourcesErased(c.interviewId().value(), c.reason(), c.erasedAt()));
    }

    /** A source travels sealed only; none is sealed again after the erasure. */
    void requireSealed(ProblemItem item) {
        if (item.confidentialSource() != null) {
            throw Refusal.unprocessable("SOURCE_NOT_SEALED", "a problem's confidential source is accepted only sealed");
        }
        if (item.sealedSource() != null && erased) {
            throw Refusal.conflict(
                    "SOURCES_ERASED", "the confidential sources of this interview were erased; none is added");
        }
    }

    /**
     * Lists prepared before sources were sealed may still hold one in clear; such a list is not
     * frozen (its hash would have to carry the source): the office saves the problem again.
     */
    static void requireSealed(FrozenLists lists) {
        for (ProblemItem p : lists.problems()) {
            if (p.confidentialSource() != null) {
                throw Refusal.unprocessable(
                        "SOURCE_NOT_SEALED",
                        "problem " + p.itemId() + " still has its source in clear; save it again to seal it");
            }
        }
    }

    @EventSourcingHandler
    void on(ConfidentialSourcesErased e) {
        erased = true;
    }
}

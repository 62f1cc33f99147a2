package io.sanjiaodi.interview.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.platform.security.Actor;

/**
 * A problem as the API returns it. Everybody gets {@code sourceCommitment} (what the published lists
 * hash commits to, so a unit can recompute the hash); only the roles entitled to sources get
 * {@code confidentialSource}, opened here; after the erasure they get {@code sourceErased} instead.
 * The ciphertext and the salt are never returned.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadableProblem(
        String itemId,
        String aspect,
        String description,
        SourceChannel sourceChannel,
        ConfidentialSource confidentialSource,
        String sourceCommitment,
        Boolean sourceErased) {

    /** The problem for this reader; {@code erased} tells whether the interview's sources were erased. */
    public static ReadableProblem of(String interviewId, ProblemItem p, Actor reader, SourceSealer sealer) {
        String commitment = p.sealedSource() == null ? null : p.sealedSource().commitment();
        if (!reader.maySeeConfidentialSources()) {
            return new ReadableProblem(
                    p.itemId(), p.aspect(), p.description(), p.sourceChannel(), null, commitment, null);
        }
        ConfidentialSource source;
        boolean erased;
        if (p.sealedSource() != null) {
            source = sealer.open(interviewId, p.itemId(), p.sealedSource()).orElse(null);
            erased = source == null;
        } else {
            erased = p.confidentialSource() != null && sealer.isErased(interviewId);
            source = erased ? null : p.confidentialSource();
        }
        return new ReadableProblem(
                p.itemId(), p.aspect(), p.description(), p.sourceChannel(), source, commitment, erased ? true : null);
    }
}

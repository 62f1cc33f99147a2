package io.sanjiaodi.audit.verify;

import java.util.List;

/**
 * @param verifiedTreeSize     the largest signed tree size whose root the recomputed log reproduces
 * @param problems             the first findings (at most 100) the reader may see described, in log
 *                             order; {@code problemCount} counts all, those outside the reader's
 *                             jurisdiction included
 * @param entriesOutsideScope  entries verified for the reader's tree but not shown to it (another
 *                             jurisdiction's, or given as leaf hash only)
 * @param problemsOutsideScope findings on such entries: counted ("n problems outside your
 *                             jurisdiction"), never described
 */
public record VerificationReport(
        boolean ok,
        long entries,
        long checkpointsChecked,
        Long verifiedTreeSize,
        long problemCount,
        List<LogVerification.Problem> problems,
        long entriesOutsideScope,
        long problemsOutsideScope) {}

package io.sanjiaodi.audit.verify;

import java.util.List;

/**
 * @param verifiedTreeSize the largest signed tree size whose root the recomputed log reproduces
 * @param problems         the first findings (at most 100), in log order; {@code problemCount} counts all
 */
public record VerificationReport(
        boolean ok,
        long entries,
        long checkpointsChecked,
        Long verifiedTreeSize,
        long problemCount,
        List<LogVerification.Problem> problems) {}

package io.sanjiaodi.audit.completeness;

import java.util.List;

/**
 * The log checked against every producer's statements.
 *
 * @param ok        no producer has a missing position, aggregate or tail past the grace, no root
 *                  differs, and no producer's latest word is a forged statement
 * @param producers one finding per producer that has stated anything
 * @param forged    the forged statements received (most recent first, at most 20), named for everyone:
 *                  they say nothing about any jurisdiction's entries
 */
public record CompletenessReport(boolean ok, List<ProducerFinding> producers, List<ForgedStatement> forged) {

    /**
     * @param status                    COMPLETE, PENDING (short, still within the grace), MISSING,
     *                                  ROOT_MISMATCH (every position held, but not the ids the producer signed)
     *                                  or FORGED (the producer's latest statement is a forgery)
     * @param statedSize                the size of the producer's latest accepted statement
     * @param loggedSize                how many positions from 1 on the log holds without a hole
     * @param missingPositions          the positions missing past the grace (at most 100 listed)
     * @param pendingPositions          how many more are short but still within the grace
     * @param missingAggregates         stated aggregate heads the log lacks events of, past the grace,
     *                                  of aggregates the reader sees (at most 100)
     * @param aggregatesOutsideScope    such aggregates of other jurisdictions: counted, never named
     */
    public record ProducerFinding(
            String producer,
            String status,
            long statedSize,
            String statedRoot,
            long statementTime,
            long loggedSize,
            List<Long> missingPositions,
            long missingPositionCount,
            long pendingPositions,
            List<MissingAggregate> missingAggregates,
            long missingAggregateCount,
            long aggregatesOutsideScope) {}

    /**
     * @param whollyMissing the log holds no event of it at all
     * @param missing       the sequence ranges it lacks up to the stated head
     */
    public record MissingAggregate(
            String aggregateId, long statedHead, boolean whollyMissing, List<ProducerIndex.SequenceRange> missing) {}

    public record ForgedStatement(String statementId, String producer, long size, String reason, String receivedAt) {}
}

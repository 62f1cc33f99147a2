package io.sanjiaodi.audit.leaf;

import java.time.Instant;
import java.util.List;

/**
 * Sequence numbers of one aggregate that have not arrived although later ones have.
 *
 * @param missing the first missing sequence numbers (at most 50)
 * @param since   when the gap was first seen; it closes when every missing event has arrived
 */
public record Gap(String source, String aggregateId, List<Long> missing, long missingCount, Instant since) {}

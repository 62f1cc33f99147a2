package io.sanjiaodi.audit.leaf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each aggregate's sequence numbers sit in the log, as a dense array per aggregate (8 bytes
 * an event), and which aggregates currently miss sequence numbers below their highest one.
 * The chain rule of the leaf encoding lives here so that the appender and every verifier share it.
 * Not thread-safe: the single appender (or one verifier) owns it.
 */
public final class AggregateChains {

    /** Beyond this a sequence number is treated as unchained rather than grow an array for it. */
    public static final long MAX_CHAINED_SEQUENCE = 1 << 22;

    private final Map<String, Chain> chains = new HashMap<>();
    private final Map<String, Chain> withGaps = new LinkedHashMap<>();

    /** The log index of (key, sequence), or -1 when that event is not in the log. */
    public long indexOf(String key, long sequence) {
        Chain chain = chains.get(key);
        return chain == null || sequence < 0 || sequence >= chain.length ? -1 : chain.indexBySeq[(int) sequence];
    }

    /** Records an appended event; returns true if it opened or closed a gap (worth a log line). */
    public boolean record(String key, String source, String aggregateId, long sequence, long index, Instant at) {
        if (sequence < 0 || sequence >= MAX_CHAINED_SEQUENCE) {
            return false;
        }
        Chain chain = chains.computeIfAbsent(key, k -> new Chain(source, aggregateId));
        int seq = (int) sequence;
        boolean hadGap = chain.missing > 0;
        if (seq >= chain.length) {
            chain.ensure(seq + 1);
            chain.missing += seq - chain.length;
            chain.length = seq + 1;
        } else if (chain.indexBySeq[seq] == -1) {
            chain.missing--;
        } else {
            return false; // a second event claiming the same position: the first one keeps the chain
        }
        chain.indexBySeq[seq] = index;
        if (chain.missing > 0 && !hadGap) {
            chain.since = at;
            withGaps.put(key, chain);
        } else if (chain.missing == 0 && hadGap) {
            chain.since = null;
            withGaps.remove(key);
        }
        return hadGap != chain.missing > 0;
    }

    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        withGaps.values().forEach(chain -> gaps.add(chain.gap()));
        return gaps;
    }

    public Gap gapOf(String key) {
        Chain chain = withGaps.get(key);
        return chain == null ? null : chain.gap();
    }

    private static final class Chain {
        private final String source;
        private final String aggregateId;
        private long[] indexBySeq = new long[0];
        private int length;
        private long missing;
        private Instant since;

        Chain(String source, String aggregateId) {
            this.source = source;
            this.aggregateId = aggregateId;
        }

        void ensure(int capacity) {
            if (capacity > indexBySeq.length) {
                int old = indexBySeq.length;
                indexBySeq = Arrays.copyOf(indexBySeq, Math.max(capacity, Math.max(4, old * 2)));
                Arrays.fill(indexBySeq, old, indexBySeq.length, -1);
            }
        }

        Gap gap() {
            List<Long> missingSeqs = new ArrayList<>();
            for (int i = 0; i < length && missingSeqs.size() < 50; i++) {
                if (indexBySeq[i] == -1) {
                    missingSeqs.add((long) i);
                }
            }
            return new Gap(source, aggregateId, missingSeqs, missing, since);
        }
    }
}

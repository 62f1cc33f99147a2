package io.sanjiaodi.audit.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The chain rule's bookkeeping: where each sequence number sits in the log, and which aggregates miss some. */
class AggregateChainsTest {

    private static final String KEY = "/svc|iv-1";
    private static final Instant T1 = Instant.parse("2018-11-15T09:00:00Z");
    private static final Instant T2 = Instant.parse("2018-11-15T10:00:00Z");
    private static final Instant T3 = Instant.parse("2018-11-15T11:00:00Z");

    private final AggregateChains chains = new AggregateChains();

    @Test
    void anUnbrokenChainMapsEachSequenceToItsLogIndexAndHasNoGap() {
        assertThat(chains.record(KEY, "/svc", "iv-1", 0, 10, T1)).isFalse();
        assertThat(chains.record(KEY, "/svc", "iv-1", 1, 12, T1)).isFalse();
        assertThat(chains.record(KEY, "/svc", "iv-1", 2, 15, T1)).isFalse();
        assertThat(chains.indexOf(KEY, 0)).isEqualTo(10);
        assertThat(chains.indexOf(KEY, 1)).isEqualTo(12);
        assertThat(chains.indexOf(KEY, 2)).isEqualTo(15);
        assertThat(chains.gaps()).isEmpty();
        assertThat(chains.gapOf(KEY)).isNull();
    }

    @Test
    void anEventNotInTheLogHasIndexMinusOne() {
        assertThat(chains.indexOf(KEY, 0)).as("unknown aggregate").isEqualTo(-1);
        LongStream.range(0, 4).forEach(seq -> chains.record(KEY, "/svc", "iv-1", seq, seq, T1));
        assertThat(chains.indexOf(KEY, -1))
                .as("before the first sequence number")
                .isEqualTo(-1);
        assertThat(chains.indexOf(KEY, 4))
                .as("the next sequence number, not yet arrived")
                .isEqualTo(-1);
        assertThat(chains.indexOf(KEY, 1000)).isEqualTo(-1);
        chains.record(KEY, "/svc", "iv-1", 9, 4, T1);
        assertThat(chains.indexOf(KEY, 5)).as("skipped, below the highest one").isEqualTo(-1);
        assertThat(chains.indexOf(KEY, 9)).isEqualTo(4);
    }

    @Test
    void aLaterSequenceNumberOpensAGapThatStaysOpenUntilEveryMissingOneArrives() {
        chains.record(KEY, "/svc", "iv-1", 0, 0, T1);
        assertThat(chains.record(KEY, "/svc", "iv-1", 3, 1, T1))
                .as("gap opened")
                .isTrue();
        assertThat(chains.gapOf(KEY)).isEqualTo(new Gap("/svc", "iv-1", List.of(1L, 2L), 2, T1));
        assertThat(chains.gaps()).containsExactly(new Gap("/svc", "iv-1", List.of(1L, 2L), 2, T1));

        assertThat(chains.record(KEY, "/svc", "iv-1", 2, 2, T2))
                .as("still open")
                .isFalse();
        assertThat(chains.gapOf(KEY))
                .as("the gap keeps the time it was first seen")
                .isEqualTo(new Gap("/svc", "iv-1", List.of(1L), 1, T1));

        assertThat(chains.record(KEY, "/svc", "iv-1", 1, 3, T3))
                .as("gap closed")
                .isTrue();
        assertThat(chains.gapOf(KEY)).isNull();
        assertThat(chains.gaps()).isEmpty();
        assertThat(chains.indexOf(KEY, 1)).isEqualTo(3);
        assertThat(chains.record(KEY, "/svc", "iv-1", 4, 4, T3))
                .as("in order again")
                .isFalse();
    }

    @Test
    void aChainStartingAfterSequenceZeroMissesTheEarlierOnes() {
        assertThat(chains.record(KEY, "/svc", "iv-1", 2, 7, T1)).isTrue();
        assertThat(chains.gapOf(KEY)).isEqualTo(new Gap("/svc", "iv-1", List.of(0L, 1L), 2, T1));
    }

    @Test
    void aSecondEventAtTheSamePositionLeavesTheFirstInTheChain() {
        chains.record(KEY, "/svc", "iv-1", 0, 0, T1);
        chains.record(KEY, "/svc", "iv-1", 2, 1, T1);
        assertThat(chains.record(KEY, "/svc", "iv-1", 2, 5, T2)).isFalse();
        assertThat(chains.indexOf(KEY, 2)).isEqualTo(1);
        assertThat(chains.gapOf(KEY))
                .as("the duplicate fills no gap")
                .isEqualTo(new Gap("/svc", "iv-1", List.of(1L), 1, T1));
        assertThat(chains.record(KEY, "/svc", "iv-1", 0, 6, T2)).isFalse();
        assertThat(chains.indexOf(KEY, 0)).isEqualTo(0);
    }

    @Test
    void aGapListsItsFirstFiftyMissingSequenceNumbersAndCountsAll() {
        chains.record(KEY, "/svc", "iv-1", 0, 0, T1);
        chains.record(KEY, "/svc", "iv-1", 120, 1, T1);
        Gap gap = chains.gapOf(KEY);
        assertThat(gap.missing())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(gap.missingCount()).isEqualTo(119);
    }

    @Test
    void gapsOfSeveralAggregatesAreKeptApartInTheOrderTheyOpened() {
        chains.record("/svc|b", "/svc", "b", 1, 0, T1);
        chains.record("/svc|a", "/svc", "a", 0, 1, T1);
        chains.record("/svc|a", "/svc", "a", 2, 2, T2);
        assertThat(chains.gaps())
                .containsExactly(new Gap("/svc", "b", List.of(0L), 1, T1), new Gap("/svc", "a", List.of(1L), 1, T2));
        assertThat(chains.indexOf("/svc|a", 1)).isEqualTo(-1);
        assertThat(chains.indexOf("/svc|b", 1)).isZero();
    }

    @Test
    void sequenceNumbersOutsideTheChainableRangeAreNotChained() {
        assertThat(chains.record(KEY, "/svc", "iv-1", -1, 0, T1)).isFalse();
        assertThat(chains.record(KEY, "/svc", "iv-1", AggregateChains.MAX_CHAINED_SEQUENCE, 1, T1))
                .isFalse();
        assertThat(chains.indexOf(KEY, AggregateChains.MAX_CHAINED_SEQUENCE)).isEqualTo(-1);
        assertThat(chains.gaps())
                .as("an unchained sequence number opens no gap")
                .isEmpty();
    }
}

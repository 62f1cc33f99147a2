package io.sanjiaodi.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void theLeastRecentlyUsedAggregateLeavesFirstWhenTheCacheIsFull() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);

        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRemovedEntryIsLoadedAgainRatherThanServedStale() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.<Integer>computeIfAbsent("a", () -> 3)).isEqualTo(3);
        cache.computeIfPresent("a", (Integer v) -> v + 1);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(4);
    }
}

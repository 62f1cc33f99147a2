package io.sanjiaodi.platform.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * The most recently used aggregates of a service, kept so that a command does not replay the
 * aggregate's history from the event store (an index range read on (aggregate, sequence), but still
 * a round trip and a deserialization of every event). A bounded LRU rather than Axon's
 * weak-reference cache, whose entries every young collection clears.
 *
 * <p>With several instances another one may have changed a cached aggregate meanwhile. An append
 * on the stale state would fail on the unique (aggregate, sequence) key (409), but a command
 * refused on the stale state appends nothing, and its refusal would be wrong (a task another
 * instance planned refused as "not planned"). So, given the store's last sequence of an aggregate
 * ({@code storedVersion}: one lookup on the (aggregate, sequence) index), an entry is used only if
 * it is at that sequence; otherwise it is dropped and the history loaded afresh.
 */
public final class BoundedAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final Function<String, Long> storedVersion;

    /** Without the check against the store: for a single instance (tests). */
    public BoundedAggregateCache(int maxEntries) {
        this(maxEntries, null);
    }

    /** @param storedVersion the last sequence number the store holds for an aggregate id, null for none */
    public BoundedAggregateCache(int maxEntries, Function<String, Long> storedVersion) {
        this.storedVersion = storedVersion;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The entry, if it is still what the store holds (the lookup runs outside the lock). */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        if (entry instanceof AggregateCacheEntry<?> cached && storedVersion != null && !current(cached, key)) {
            synchronized (this) {
                entries.remove(key, entry);
            }
            return null;
        }
        return (V) entry;
    }

    private boolean current(AggregateCacheEntry<?> cached, Object key) {
        Long version;
        try {
            // an entry of this in-memory cache holds its live aggregate, which it returns as is
            version = cached.recreateAggregate(null, null, null, null).version();
        } catch (RuntimeException notLive) {
            return false;
        }
        return Objects.equals(version, storedVersion.apply(key.toString()));
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing in this system listens to cache entries; a listener would never be called. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }

    synchronized int size() {
        return entries.size();
    }
}

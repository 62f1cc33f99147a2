package io.sanjiaodi.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces refusals per key (actor, method, path, code) per time window, so that a flood of
 * refusals by one actor is one or two records instead of one each: the first refusal of a window
 * is {@link Decision#RECORD_NOW recorded at once}, the further ones are counted and handed out by
 * {@link #closeExpired()} as one {@link Closed} when the window ends. The number of open windows
 * is bounded: past {@code maxKeys} a new key is {@link Decision#OVERFLOW refused}, so memory stays
 * bounded however many distinct paths a client invents. Thread-safe.
 *
 * @param <T> what is kept of the first refusal of a window, to describe the coalesced ones
 */
public final class DenialWindows<T> {

    /** What to do with one refusal. */
    public enum Decision {
        RECORD_NOW,
        COUNTED,
        OVERFLOW
    }

    /** A window that ended with {@code occurrences} refusals after its first. */
    public record Closed<T>(T first, int occurrences, Instant windowEnd) {}

    private static final class Window<T> {
        final T first;
        final Instant end;
        int further;

        Window(T first, Instant end) {
            this.first = first;
            this.end = end;
        }
    }

    private final Clock clock;
    private final Duration length;
    private final int maxKeys;
    private final Map<Object, Window<T>> open = new LinkedHashMap<>();

    public DenialWindows(Clock clock, Duration length, int maxKeys) {
        if (length.isNegative() || length.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a denial window needs a positive length and room for a key");
        }
        this.clock = clock;
        this.length = length;
        this.maxKeys = maxKeys;
    }

    /**
     * One refusal under {@code key}. A window past its end that {@link #closeExpired()} has not
     * closed yet is closed here: its count is added to {@code closedMeanwhile}.
     */
    public synchronized Decision offer(Object key, T refusal, List<Closed<T>> closedMeanwhile) {
        Instant now = clock.instant();
        Window<T> window = open.get(key);
        if (window != null && now.isBefore(window.end)) {
            window.further++;
            return Decision.COUNTED;
        }
        if (window != null) {
            open.remove(key);
            closed(window, closedMeanwhile);
        } else if (open.size() >= maxKeys) {
            return Decision.OVERFLOW;
        }
        open.put(key, new Window<>(refusal, now.plus(length)));
        return Decision.RECORD_NOW;
    }

    /** Removes every window whose end has passed; those that counted further refusals are returned. */
    public synchronized List<Closed<T>> closeExpired() {
        return close(false);
    }

    /** Removes every window, ended or not (on shutdown). */
    public synchronized List<Closed<T>> closeAll() {
        return close(true);
    }

    public synchronized int openWindows() {
        return open.size();
    }

    private List<Closed<T>> close(boolean all) {
        Instant now = clock.instant();
        List<Closed<T>> closed = new ArrayList<>();
        for (Iterator<Window<T>> it = open.values().iterator(); it.hasNext(); ) {
            Window<T> window = it.next();
            if (all || !now.isBefore(window.end)) {
                it.remove();
                closed(window, closed);
            }
        }
        return closed;
    }

    private static <T> void closed(Window<T> window, List<Closed<T>> into) {
        if (window.further > 0) {
            into.add(new Closed<>(window.first, window.further, window.end));
        }
    }
}

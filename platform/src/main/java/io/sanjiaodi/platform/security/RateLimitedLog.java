package io.sanjiaodi.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * A warning that may happen thousands of times a second (a flood of bad tokens) writes at most one
 * line per interval, with how many times it happened since the last line: the log stays readable
 * and its disk bounded, and the count is not lost.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final Clock clock;
    private final Duration interval;
    private Instant lastLine;
    private long since;

    public RateLimitedLog(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    /** One more occurrence; logs {@code what} with the count if the interval has passed. */
    public void note(String what) {
        long count;
        synchronized (this) {
            since++;
            Instant now = clock.instant();
            if (lastLine != null && now.isBefore(lastLine.plus(interval))) {
                return;
            }
            lastLine = now;
            count = since;
            since = 0;
        }
        log.warn("{} ({} since the last such line)", what, count);
    }
}

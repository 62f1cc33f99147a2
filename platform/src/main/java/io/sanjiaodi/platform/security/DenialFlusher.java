package io.sanjiaodi.platform.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the {@link DenialRecorder}'s ended windows every {@code period}, and all of them on
 * shutdown. Its phase is below the web server's (which stops taking requests first) and above
 * Axon's (whose event store the coalesced records still go to).
 */
public final class DenialFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DenialFlusher.class);
    static final int PHASE = DEFAULT_PHASE - 4096;

    private final DenialRecorder recorder;
    private final Duration period;
    private ScheduledExecutorService scheduler;

    public DenialFlusher(DenialRecorder recorder, Duration window) {
        this.recorder = recorder;
        // often enough that a window's count is recorded soon after it ends, never busier than 10 a second
        Duration half = window.dividedBy(2);
        this.period = half.compareTo(Duration.ofMillis(100)) < 0
                ? Duration.ofMillis(100)
                : half.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : half;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "denial-windows");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::flush, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flush() {
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            log.warn("could not record the ended denial windows: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        recorder.flushAll();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    Duration period() {
        return period;
    }
}

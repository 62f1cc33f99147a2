package io.sanjiaodi.audit.leader;

import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.completeness.ProducerIndex;
import io.sanjiaodi.audit.completeness.ProducerStatements;
import io.sanjiaodi.audit.ingest.AuditLog;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Makes this instance the audit log's writer or a hot standby, as {@link WriterLease} decides,
 * once per {@code audit.writer.renew}. Only the writer runs the Kafka listeners that write (the
 * log, the producer statements, the supervision models); a standby keeps its in-memory log
 * current from MongoDB, so taking over is a short catch-up, and answers readiness with
 * OUT_OF_SERVICE, so a load balancer sends readers to the writer.
 * <p>
 * The listeners join their consumer groups with a fixed {@code group.instance.id}, and the writer
 * restarts any that a fencing stopped ({@link WritingListeners}).
 * <p>
 * Those listeners do not start with the context ({@code autoStartup} false). Stopped after the
 * listener registry (a lower phase), so the lease is given up once they have stopped.
 */
public class AuditWriter implements SmartLifecycle {

    /** The listeners that write, by id; those not in this service (supervision off) are skipped. */
    public static final List<String> LISTENERS = List.of("audit-ingest", "audit-statements", "supervision-intake");

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private final WriterLease lease;
    private final AuditLog auditLog;
    private final ProducerIndex positions;
    private final ProducerStatements statements;
    private final CheckpointService checkpoints;
    private final WritingListeners listeners;
    private final long renewMillis;
    private volatile ScheduledExecutorService ticks;
    private volatile boolean writing;

    public AuditWriter(
            WriterLease lease,
            AuditLog auditLog,
            ProducerIndex positions,
            ProducerStatements statements,
            CheckpointService checkpoints,
            KafkaListenerEndpointRegistry registry,
            WriterLeaseProperties properties) {
        this.lease = lease;
        this.auditLog = auditLog;
        this.positions = positions;
        this.statements = statements;
        this.checkpoints = checkpoints;
        this.listeners = new WritingListeners(() -> LISTENERS.stream()
                .map(registry::getListenerContainer)
                .filter(java.util.Objects::nonNull)
                .toList());
        this.renewMillis = properties.renew().toMillis();
    }

    /** Whether this instance runs as the writer right now (its listeners started). */
    public boolean writing() {
        return writing;
    }

    @Override
    public void start() {
        ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-writer-lease");
            t.setDaemon(true);
            return t;
        });
        ticks.scheduleWithFixedDelay(this::tick, 0, renewMillis, TimeUnit.MILLISECONDS);
    }

    /** One round: renew or look, then act on the change of role, or follow the writer. */
    void tick() {
        try {
            boolean writer = lease.tick();
            if (writer && !writing) {
                becomeWriter();
            } else if (!writer && writing) {
                becomeStandby();
            } else if (!writer) {
                auditLog.catchUp();
            } else {
                List<String> restarted = listeners.restartStopped();
                if (!restarted.isEmpty()) {
                    log.warn(
                            "audit writer {}: listeners {} had stopped (fenced?); restarted",
                            lease.instance(),
                            restarted);
                }
            }
        } catch (RuntimeException e) {
            log.warn("audit writer round failed (next round in {} ms): {}", renewMillis, e.toString());
        }
    }

    private void becomeWriter() {
        if (auditLog.broken() != null) {
            // what a standby found broken may have been a passing view: derive the log afresh from the
            // store, and let the checks of reload below find a real break again
            auditLog.rebuild();
        }
        auditLog.catchUp();
        positions.reload();
        statements.reload();
        checkpoints.reload();
        writing = true;
        listeners.start();
        log.info(
                "audit-service {} is the audit log's writer (epoch {}, {} entries)",
                lease.instance(),
                lease.epoch(),
                auditLog.tree().size());
    }

    private void becomeStandby() {
        writing = false;
        listeners.stop();
        log.warn("audit-service {} is a standby now: its listeners stopped", lease.instance());
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = ticks;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (writing) {
            writing = false;
            listeners.stop();
        }
        lease.release();
        ticks = null;
    }

    @Override
    public boolean isRunning() {
        return ticks != null;
    }

    /** Below the listener registry's phase ({@code Integer.MAX_VALUE - 100}): stops after it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}

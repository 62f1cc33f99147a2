package io.sanjiaodi.audit.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.ingest.AuditLog;
import io.sanjiaodi.audit.leader.WriterRole;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The audit log's state on /actuator/prometheus, for the alert rules of ops/prometheus/alerts.yml:
 * {@code sanjiaodi.audit.log.size}, {@code sanjiaodi.audit.unsigned} (entries beyond the newest
 * signed checkpoint: the writer signs every couple of seconds, so a lasting figure means it
 * stopped), {@code sanjiaodi.audit.checkpoint.age}, {@code sanjiaodi.audit.gaps} (aggregates missing
 * events), {@code sanjiaodi.audit.broken} (1 while the log refuses appends) and
 * {@code sanjiaodi.audit.writer} (1 on the instance that writes; the sum over instances is 1).
 */
@Component
class AuditMetrics implements MeterBinder {

    private final AuditLog log;
    private final CheckpointService checkpoints;
    private final WriterRole role;
    private final Clock clock;

    AuditMetrics(AuditLog log, CheckpointService checkpoints, WriterRole role, Clock clock) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.role = role;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("sanjiaodi.audit.log.size", log, l -> l.tree().size())
                .description("entries in the audit log")
                .register(registry);
        Gauge.builder("sanjiaodi.audit.unsigned", this, AuditMetrics::unsigned)
                .description("entries beyond the newest signed checkpoint")
                .register(registry);
        TimeGauge.builder(
                        "sanjiaodi.audit.checkpoint.age",
                        this,
                        TimeUnit.MILLISECONDS,
                        AuditMetrics::checkpointAgeMillis)
                .description("time since the newest signed checkpoint")
                .register(registry);
        Gauge.builder("sanjiaodi.audit.gaps", log, l -> l.gaps().size())
                .description("aggregates whose events the log misses")
                .register(registry);
        Gauge.builder("sanjiaodi.audit.broken", log, l -> l.broken() == null ? 0 : 1)
                .description("1 while the log refuses appends (health auditGaps says why)")
                .register(registry);
        Gauge.builder("sanjiaodi.audit.writer", role, r -> r.isWriter() ? 1 : 0)
                .description("1 on the instance that writes the log")
                .register(registry);
    }

    private double unsigned() {
        long signed = checkpoints.latest().map(Checkpoint::treeSize).orElse(0L);
        return Math.max(0, log.tree().size() - signed);
    }

    private double checkpointAgeMillis() {
        return checkpoints
                .latest()
                .map(c -> (double) Math.max(0, clock.millis() - c.timestamp()))
                .orElse(Double.NaN);
    }
}

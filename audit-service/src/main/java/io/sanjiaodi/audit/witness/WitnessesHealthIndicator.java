package io.sanjiaodi.audit.witness;

import io.sanjiaodi.audit.checkpoint.CheckpointService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code witnesses} in /actuator/health: DOWN while a witness refuses the log's checkpoint (it may have
 * seen another history: a split view) or answers with a cosignature that does not verify, and while
 * fewer witnesses are configured than a checkpoint needs; WARNING while one is only unreachable (it
 * may come back; the log retries). Each witness is named with the sizes involved. Not part of
 * readiness: appends and queries go on meanwhile.
 */
@Component("witnesses")
class WitnessesHealthIndicator extends AbstractHealthIndicator {

    private final WitnessCollector collector;
    private final WitnessedCheckpoints witnessed;
    private final CheckpointService checkpoints;
    private final WitnessProperties properties;

    WitnessesHealthIndicator(
            WitnessCollector collector,
            WitnessedCheckpoints witnessed,
            CheckpointService checkpoints,
            WitnessProperties properties) {
        super("witness check failed");
        this.collector = collector;
        this.witnessed = witnessed;
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<WitnessStatus> statuses = collector.statuses();
        boolean enough = properties.witnesses().size() >= properties.witnessesRequired();
        boolean down = !enough
                || statuses.stream().anyMatch(s -> !s.healthy() && !s.state().equals("UNREACHABLE"));
        boolean up = statuses.stream().allMatch(WitnessStatus::healthy);
        builder.status(down ? "DOWN" : up ? "UP" : "WARNING")
                .withDetail("required", properties.witnessesRequired())
                .withDetail("configured", properties.witnesses().size())
                .withDetail(
                        "latestSigned",
                        checkpoints.latest().map(c -> c.treeSize()).orElse(0L))
                .withDetail(
                        "newestWitnessed",
                        witnessed.newest().map(w -> w.checkpoint().treeSize()).orElse(0L));
        Map<String, Object> each = new LinkedHashMap<>();
        for (WitnessStatus s : statuses) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("state", s.state());
            d.put("acceptedSize", s.acceptedSize());
            if (!s.healthy()) {
                d.put("checkpointSize", s.checkpointSize());
                d.put("witnessSize", s.witnessSize());
                d.put("httpStatus", s.status());
                d.put("detail", s.detail());
                d.put("failures", s.failures());
            }
            each.put(s.witness(), d);
        }
        builder.withDetail("witnesses", each);
    }
}

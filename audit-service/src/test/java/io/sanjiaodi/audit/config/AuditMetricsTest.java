package io.sanjiaodi.audit.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.leader.WriterRole;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditMetricsTest {

    @TempDir
    Path keys;

    AuditFixture audit;

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void theGaugesFollowTheLogItsSignaturesItsGapsAndWhetherItRefusesAppends() {
        audit = new AuditFixture(keys);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new AuditMetrics(audit.log, audit.checkpoints, WriterRole.ALWAYS, audit.clock).bindTo(registry);

        audit.log.append(List.of(Events.draft("e0", "iv-1", 0), Events.draft("e1", "iv-1", 1)));
        assertThat(gauge(registry, "sanjiaodi.audit.log.size")).isEqualTo(2);
        assertThat(gauge(registry, "sanjiaodi.audit.unsigned")).isEqualTo(2);
        assertThat(registry.get("sanjiaodi.audit.checkpoint.age").timeGauge().value(TimeUnit.SECONDS))
                .as("nothing signed yet")
                .isNaN();

        audit.checkpoints.signIfGrown();
        audit.log.append(List.of(Events.draft("e3", "iv-1", 3)));
        assertThat(gauge(registry, "sanjiaodi.audit.unsigned")).isEqualTo(1);
        assertThat(registry.get("sanjiaodi.audit.checkpoint.age").timeGauge().value(TimeUnit.SECONDS))
                .isBetween(0.0, 60.0);
        assertThat(gauge(registry, "sanjiaodi.audit.gaps"))
                .as("sequence 2 of iv-1 is missing")
                .isEqualTo(1);
        assertThat(gauge(registry, "sanjiaodi.audit.broken")).isZero();
        assertThat(gauge(registry, "sanjiaodi.audit.writer")).isEqualTo(1);

        audit.log.markBroken("a test");
        assertThat(gauge(registry, "sanjiaodi.audit.broken")).isEqualTo(1);
    }

    private static double gauge(SimpleMeterRegistry registry, String name) {
        return registry.get(name).gauge().value();
    }
}

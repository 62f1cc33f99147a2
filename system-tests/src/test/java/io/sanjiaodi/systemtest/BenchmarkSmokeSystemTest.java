package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.benchmark.BenchmarkMain;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The benchmark tool, for a few seconds, against the three services on the real broker: every
 * phase runs and measures something, so the tool cannot rot between the long runs recorded in
 * docs/benchmarks.md. No figure is asserted — speed is measured there, not in tests.
 */
class BenchmarkSmokeSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("bench_");

    @Test
    void aShortRunMeasuresEveryFigureWithoutAFailedCommand() throws Exception {
        BenchmarkMain.Outcome outcome = BenchmarkMain.run(
                role -> switch (role) {
                    case "SUPERVISOR" -> TestTokens.token("office");
                    case "AUDITOR" -> TestTokens.token("auditor");
                    case "ADMIN" -> TestTokens.token("admin");
                    default -> TestTokens.unitToken(role.substring("UNIT:".length()), "ningbo");
                },
                "--interview-url=" + LOCAL.services().url(Service.INTERVIEW),
                "--rectification-url=" + LOCAL.services().url(Service.RECTIFICATION),
                "--audit-url=" + LOCAL.services().url(Service.AUDIT),
                "--kafka=" + LOCAL.kafkaBootstrap(),
                "--mongo=" + LOCAL.mongoUri(),
                "--postgres=" + io.sanjiaodi.devstack.DevPostgres.shared().jdbcUrl(),
                "--concurrency=2",
                "--warmup=2",
                "--duration=6",
                "--baseline=1",
                "--rebuild-events=3300",
                "--report=target/benchmark-smoke.md");

        assertThat(outcome.commandErrors()).as(outcome.report()).isZero();
        assertThat(outcome.interviewCommands()).isPositive();
        assertThat(outcome.rectificationCommands())
                .as("the flow reaches plan, progress and verification")
                .isPositive();
        assertThat(outcome.ledgerSamples()).isPositive();
        assertThat(outcome.auditSamples()).isPositive();
        assertThat(outcome.dashboardSamples()).isPositive();
        assertThat(outcome.slowestBaselinePerSecond()).isPositive();
        assertThat(outcome.rebuildEvents()).isEqualTo(3300);
        assertThat(outcome.rebuildChanged())
                .as("100 interviews and 100 ledgers, each event but the nine list items")
                .isEqualTo(100 * (33 - 9));
        assertThat(outcome.auditVerified()).isTrue();
        assertThat(outcome.report())
                .contains("### Targets", "Raw baselines", "rebuild", "PostgreSQL append + Kafka round trip");
    }
}

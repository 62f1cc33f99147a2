package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conflicting commands on one aggregate, sent at once to two instances of interview-service that
 * share the event store: exactly one wins, every other gets 409 with a clear code, the history
 * holds the winning event once.
 */
class ConcurrencySystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("conc_");

    @Test
    void concurrentConductsOfOneInterviewOnTwoInstancesLetExactlyOneWin() throws Exception {
        String first = LOCAL.services().url(Service.INTERVIEW);
        String second = LOCAL.services().startSecondInstance(Service.INTERVIEW);
        SystemProbe probe = LOCAL.probe();
        InterviewFlow flow = probe.flow();
        String id = flow.schedule("并发测试单位");
        flow.add(id, "responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"专题研究\"}");
        flow.add(id, "risks", "{\"businessArea\": \"食堂\", \"description\": \"食堂管理\", \"level\": \"LOW\"}");

        int attempts = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            InterviewFlow via = new InterviewFlow(new Http(), i % 2 == 0 ? first : second);
            Callable<Http.Response> conduct = () -> {
                start.await();
                return via.conductResponse(id, "nb-secretary", true);
            };
            answers.add(pool.submit(conduct));
        }
        start.countDown();
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body().get("code").asText()).isIn("ALREADY_CONDUCTED", "CONCURRENT_MODIFICATION");
        });
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(probe.auditTypes(id))
                        .containsExactly(
                                "InterviewScheduled",
                                "ResponsibilityItemAdded",
                                "RiskItemAdded",
                                "InterviewConducted"));
        await().atMost(SystemProbe.WITHIN).until(() -> probe.ledgerOf(id) != null);
        assertThat(probe.ledgerCount(id)).isEqualTo(1);
    }

    /**
     * A client that lost the answer to its scheduling retries it with the same Idempotency-Key, once
     * at the same instance and once at another, and once more after the claim was abandoned (the
     * request runs again): the same interview, one InterviewScheduled.
     */
    @Test
    void aSchedulingRetriedWithItsIdempotencyKeyOnEitherInstanceCreatesOneInterview() throws Exception {
        String first = LOCAL.services().url(Service.INTERVIEW);
        String second = LOCAL.services().startSecondInstance(Service.INTERVIEW);
        SystemProbe probe = LOCAL.probe();
        InterviewFlow flow = probe.flow();
        String key = java.util.UUID.randomUUID().toString();
        Http.Response created = flow.scheduleResponse("重试测试单位", key, first);
        Http.Response again = flow.scheduleResponse("重试测试单位", key, first);
        Http.Response elsewhere = flow.scheduleResponse("重试测试单位", key, second);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(List.of(again, elsewhere)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body().get("id").asText()).isEqualTo(id);
        });
        // its answer lost in a crash after the commit: the request runs again and answers as the first run
        LOCAL.storedEvents("interview").abandonClaim(key);
        Http.Response rerun = flow.scheduleResponse("重试测试单位", key, second);
        assertThat(rerun.status()).as(rerun.body().toString()).isEqualTo(201);
        assertThat(rerun.body().get("id").asText()).isEqualTo(id);
        Http.Response other = flow.scheduleResponse("另一个单位", key, first);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // the retries named no other id, so a second interview could only be this one: it holds one event
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(probe.auditTypes(id)).containsExactly("InterviewScheduled"));
    }
}

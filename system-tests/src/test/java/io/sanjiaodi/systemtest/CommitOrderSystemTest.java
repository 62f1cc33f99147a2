package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * No stored event is ever skipped, whatever order events are stamped and committed in: two
 * instances of interview-service append to one event store at once; instance A holds some of its
 * commands open for two seconds between creating their events (the timestamp) and storing them,
 * and again for a second between storing and committing; instance B stamps every event with a
 * clock five seconds slow. Every event in the store must then reach Kafka, the audit trail and
 * (for every conducted interview) the ledger side exactly once.
 * <p>
 * The old axon-mongo store found new events by timestamp with a one-second look-back and lost
 * events in this test (see docs/reliability.md, "Commit order"); the PostgreSQL store assigns the
 * global index in commit order and the processors follow the index.
 */
class CommitOrderSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("skip_");

    static final Duration HELD_BEFORE_STORE = Duration.ofSeconds(2);
    static final Duration HELD_BEFORE_COMMIT = Duration.ofSeconds(1);
    static final Duration SKEW = Duration.ofSeconds(5);
    static final Duration LOAD = Duration.ofSeconds(12);

    @AfterAll
    static void trueClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void everyStoredEventReachesKafkaTheLedgerSideAndTheAuditTrailOnceWhateverItsTimestampAndCommitOrder()
            throws Exception {
        ConfigurableApplicationContext a = LOCAL.services().context(Service.INTERVIEW);
        ConfigurableApplicationContext b = LOCAL.services().startInstance(Service.INTERVIEW);
        a.getBean(CommandBus.class).registerHandlerInterceptor(new SlowCommit());
        String skewedPort = b.getEnvironment().getProperty("local.server.port");
        GenericEventMessage.clock = new SkewedForThreadsOf(skewedPort);

        List<String> interviews = runFlows(List.of(
                RunningSystem.urlOf(a),
                RunningSystem.urlOf(a),
                RunningSystem.urlOf(a),
                RunningSystem.urlOf(a),
                RunningSystem.urlOf(b),
                RunningSystem.urlOf(b)));
        assertThat(interviews).hasSizeGreaterThan(15);
        GenericEventMessage.clock = Clock.systemUTC();

        StoredEvents store = LOCAL.storedEvents("interview");
        Map<String, String> stored = store.eventTypesById();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(interviews.size() * 4);
        RawKafka kafka = LOCAL.kafka();
        Audit audit = new Audit(LOCAL.services().url(Service.AUDIT));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Map<String, Integer> onKafka = kafka.countsByEventId("interview.events");
                    Map<String, Integer> audited = audit.countsByEventId();
                    List<String> missingOnKafka = stored.keySet().stream()
                            .filter(id -> !onKafka.containsKey(id))
                            .toList();
                    List<String> missingInAudit = stored.keySet().stream()
                            .filter(id -> !audited.containsKey(id))
                            .toList();
                    assertThat(missingOnKafka)
                            .as("stored events never published (of %d)", stored.size())
                            .isEmpty();
                    assertThat(missingInAudit)
                            .as("stored events never audited (of %d)", stored.size())
                            .isEmpty();
                    assertThat(stored.keySet()).allSatisfy(id -> {
                        assertThat(onKafka.get(id))
                                .as("records of %s on Kafka", id)
                                .isEqualTo(1);
                        assertThat(audited.get(id))
                                .as("audit entries of %s", id)
                                .isEqualTo(1);
                    });
                });
        System.out.printf(
                "commit order: %d interviews, %d events stored, each published and audited once%n",
                interviews.size(), stored.size());
        assertThat(REFUSED).as("commands refused during the run").isEmpty();
        SystemProbe probe = LOCAL.probe();
        for (String interviewId : store.aggregatesWith("InterviewConducted")) {
            await().atMost(SystemProbe.WITHIN).until(() -> probe.ledgerOf(interviewId) != null);
            assertThat(probe.ledgerCount(interviewId))
                    .as("ledgers of %s", interviewId)
                    .isEqualTo(1);
        }
    }

    /** Answers other than success, as "command: status code"; none is expected. */
    static final List<String> REFUSED = Collections.synchronizedList(new ArrayList<>());

    /** Client threads, each running whole interview flows against its instance until the load time is up. */
    private static List<String> runFlows(List<String> instanceUrls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instanceUrls.size());
        Instant end = Instant.now().plus(LOAD);
        List<Future<List<String>>> clients = new ArrayList<>();
        for (int c = 0; c < instanceUrls.size(); c++) {
            String url = instanceUrls.get(c);
            int client = c;
            clients.add(pool.submit(() -> {
                Http http = new Http();
                List<String> ids = new ArrayList<>();
                for (int n = 0; Instant.now().isBefore(end); n++) {
                    Http.Response created = new InterviewFlow(http, url)
                            .scheduleResponse("提交顺序测试单位" + client + "-" + n, "nb-secretary");
                    if (refused("schedule", created, 201)) {
                        continue;
                    }
                    String id = created.body().get("id").asText();
                    String base = url + "/api/interviews/" + id;
                    if (!refused(
                                    "responsibility",
                                    http.post(base + "/responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"专题研究\"}"),
                                    201)
                            && !refused(
                                    "risk",
                                    http.post(
                                            base + "/risks",
                                            "{\"businessArea\": \"食堂\", \"description\": \"食堂管理\", \"level\": \"LOW\"}"),
                                    201)
                            && !refused(
                                    "conduct",
                                    new InterviewFlow(http, url).conductResponse(id, "nb-secretary", true),
                                    200)) {
                        ids.add(id);
                    }
                }
                return ids;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> client : clients) {
            all.addAll(client.get());
        }
        pool.shutdown();
        return all;
    }

    private static boolean refused(String command, Http.Response response, int expected) {
        if (response.status() == expected) {
            return false;
        }
        REFUSED.add(command + ": " + response.status() + " "
                + response.body().path("code").asText());
        return true;
    }

    /**
     * A third of the commands wait after their handler ran (events created and stamped) before the
     * unit of work stores them, and again after storing before the transaction commits.
     */
    static final class SlowCommit implements MessageHandlerInterceptor<CommandMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            if (ThreadLocalRandom.current().nextInt(3) == 0) {
                Thread.sleep(HELD_BEFORE_STORE.toMillis());
                // registered after the handler published, so it runs after the event store's own
                // prepare-commit step (the insert) and before the commit
                unitOfWork.onPrepareCommit(u -> sleep(HELD_BEFORE_COMMIT));
            }
            return result;
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Axon stamps every event with one static clock; this one runs {@link #SKEW} slow on the request
     * threads of one instance (Tomcat names them after the port), as if that instance's host clock were.
     */
    static final class SkewedForThreadsOf extends Clock {
        private final String marker;
        private final Map<Long, Boolean> skewed = new ConcurrentHashMap<>();

        SkewedForThreadsOf(String port) {
            this.marker = "-" + port + "-";
        }

        @Override
        public Instant instant() {
            Thread thread = Thread.currentThread();
            boolean slow =
                    skewed.computeIfAbsent(thread.getId(), t -> thread.getName().contains(marker));
            return slow ? Instant.now().minus(SKEW) : Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

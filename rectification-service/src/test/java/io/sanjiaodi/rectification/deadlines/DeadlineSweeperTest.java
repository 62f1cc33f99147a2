package io.sanjiaodi.rectification.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.*;
import io.sanjiaodi.contracts.rectification.*;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.platform.axon.EventStoreProperties;
import io.sanjiaodi.platform.axon.PostgresEventStore;
import io.sanjiaodi.platform.json.EventJson;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.rectification.InMemoryMongo;
import io.sanjiaodi.rectification.InMemoryMongo.MovableClock;
import io.sanjiaodi.rectification.command.rectification.ActorRole;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.Rectification;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.OpenRectification;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.PlanTask;
import io.sanjiaodi.rectification.query.ledgers.LedgerProjection;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerViews;
import io.sanjiaodi.rectification.query.ledgers.TaskProjection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Two service instances — two Axon configurations, each with its own command bus and repository —
 * share one PostgreSQL event store and one read model, as two replicas of the service would. Both
 * sweep at the same moment; the deadline is recorded exactly once, also after a "restart".
 */
class DeadlineSweeperTest {

    static final String DB = "rectification";
    static final LocalDate TALK = LocalDate.of(2018, 11, 15);
    static final LocalDate DEADLINE = LocalDate.of(2019, 1, 31);
    static final LocalDate REPORT_DUE = TALK.plusMonths(3);
    static final LedgerId LEDGER = LedgerId.forInterview("iv-1");

    final InMemoryMongo mongo = new InMemoryMongo();
    final MongoTemplate readModel = mongo.template(DB);
    final MovableClock clock = new MovableClock(TALK);
    final LedgerQueries queries = new LedgerQueries(readModel, clock, InMemoryMongo.thresholds());
    final List<Configuration> instances = new ArrayList<>();
    /** Each test its own schema of the test JVM's PostgreSQL server. */
    final EventStoreProperties storeProperties = new EventStoreProperties(
            "sweep_" + java.util.UUID.randomUUID().toString().substring(0, 8),
            java.time.Duration.ofMinutes(10),
            250,
            100);

    final PGSimpleDataSource eventStore = DevPostgres.shared().dataSource(storeProperties.schema());
    final TransactionManager transactions = new SpringTransactionManager(new JdbcTransactionManager(eventStore));

    DeadlineSweeperTest() {
        PostgresEventStore.createSchema(eventStore, storeProperties);
    }

    @AfterEach
    void stop() {
        instances.forEach(Configuration::shutdown);
        mongo.close();
    }

    private Configuration instance() {
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
        var engine = PostgresEventStore.engine(
                PostgresEventStore.connectionProvider(eventStore),
                transactions,
                serializer,
                serializer,
                storeProperties);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(Rectification.class)
                .buildConfiguration();
        // the platform puts this on every service's command bus: the sweep's commands name the service as actor
        configuration.commandBus().registerDispatchInterceptor(new ActorDispatchInterceptor("rectification-service"));
        configuration.start();
        instances.add(configuration);
        return configuration;
    }

    private void openAndPlan(Configuration axon) {
        var who = new Interviewee(
                "张某", "党委书记", "nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, LocalDate.of(2018, 10, 1));
        var signed = new Signature("张某", Instant.parse("2018-11-15T02:00:00Z"));
        var conducted = new InterviewConducted(
                "iv-1",
                who,
                TALK,
                "谈话室",
                new PersonRef("s", "s", "s"),
                new PersonRef("o", "o", "o"),
                "要点",
                signed,
                signed,
                new FrozenLists(
                        1,
                        List.of(new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "专题研究", "tpl")),
                        List.of(new ProblemItem("p1", "工程", "招投标", SourceChannel.INSPECTION_TOUR, null)),
                        List.of()),
                "hash",
                2);
        axon.commandGateway().sendAndWait(new OpenRectification(LEDGER, conducted, TALK.plusDays(30), REPORT_DUE));
        axon.commandGateway().sendAndWait(new PlanTask(LEDGER, "task-p1", "张某", "办公室", DEADLINE, "措施", ActorRole.UNIT));
        project(axon);
    }

    /** Brings the shared read model up to date from the shared event store. */
    private void project(Configuration axon) {
        LedgerViews views = new LedgerViews(readModel, axon.eventStore());
        LedgerProjection ledgers = new LedgerProjection(views);
        TaskProjection tasks = new TaskProjection(views);
        axon.eventStore().readEvents(LEDGER.value()).asStream().forEach(m -> apply(ledgers, tasks, m));
    }

    private static void apply(LedgerProjection ledgers, TaskProjection tasks, DomainEventMessage<?> m) {
        long seq = m.getSequenceNumber();
        Instant at = m.getTimestamp();
        Object payload = m.getPayload();
        if (payload instanceof RectificationOpened e) {
            ledgers.on(e, seq, at);
        } else if (payload instanceof TaskPlanned e) {
            tasks.on(e, seq, at);
        } else if (payload instanceof TaskBecameOverdue e) {
            tasks.on(e, seq, at);
        } else if (payload instanceof WrittenReportBecameOverdue e) {
            ledgers.on(e, seq, at);
        } else {
            throw new IllegalStateException("unexpected " + m.getPayloadType());
        }
    }

    private static long count(EventStore store, Class<?> type) {
        return store.readEvents(LEDGER.value())
                .asStream()
                .filter(m -> type.equals(m.getPayloadType()))
                .count();
    }

    /** Both sweepers start at the same instant (a barrier), the way two replicas' schedules may coincide. */
    private List<DeadlineSweeper.Result> sweepTogether(DeadlineSweeper a, DeadlineSweeper b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier barrier = new CyclicBarrier(2);
            Callable<DeadlineSweeper.Result> runA = () -> {
                barrier.await();
                return a.sweep();
            };
            Callable<DeadlineSweeper.Result> runB = () -> {
                barrier.await();
                return b.sweep();
            };
            Future<DeadlineSweeper.Result> fa = pool.submit(runA);
            Future<DeadlineSweeper.Result> fb = pool.submit(runB);
            return List.of(fa.get(), fb.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoInstancesSweepingTogetherRecordEachDeadlineExactlyOnceAlsoAfterARestart() throws Exception {
        Configuration first = instance();
        Configuration second = instance();
        openAndPlan(first);
        DeadlineSweeper a = new DeadlineSweeper(queries, first.commandGateway());
        DeadlineSweeper b = new DeadlineSweeper(queries, second.commandGateway());

        clock.set(DEADLINE);
        assertThat(sweepTogether(a, b))
                .allSatisfy(r -> assertThat(r.tasksMarked()).isZero());
        assertThat(count(first.eventStore(), TaskBecameOverdue.class)).isZero();

        // months pass in a moment: the task and the written report are both past due
        clock.set(REPORT_DUE.plusDays(1));
        for (int round = 0; round < 5; round++) {
            // the read model is deliberately stale (not projected between rounds): both keep proposing
            List<DeadlineSweeper.Result> results = sweepTogether(a, b);
            assertThat(results.stream()
                            .mapToInt(DeadlineSweeper.Result::failures)
                            .sum())
                    .isZero();
        }
        assertThat(count(first.eventStore(), TaskBecameOverdue.class)).isEqualTo(1);
        assertThat(count(first.eventStore(), WrittenReportBecameOverdue.class)).isEqualTo(1);

        // restart: both instances go away, a fresh one sweeps again days later
        first.shutdown();
        second.shutdown();
        Configuration restarted = instance();
        clock.set(REPORT_DUE.plusDays(10));
        new DeadlineSweeper(queries, restarted.commandGateway()).sweep();
        project(restarted);
        assertThat(new DeadlineSweeper(queries, restarted.commandGateway()).sweep())
                .isEqualTo(new DeadlineSweeper.Result(0, 0, 0, 0));
        assertThat(count(restarted.eventStore(), TaskBecameOverdue.class)).isEqualTo(1);
        assertThat(count(restarted.eventStore(), WrittenReportBecameOverdue.class))
                .isEqualTo(1);
        assertThat(queries.get(LEDGER.value()).task("task-p1").overdue).isTrue();
        TaskBecameOverdue recorded = (TaskBecameOverdue) restarted
                .eventStore()
                .readEvents(LEDGER.value())
                .asStream()
                .filter(m -> m.getPayload() instanceof TaskBecameOverdue)
                .findFirst()
                .orElseThrow()
                .getPayload();
        assertThat(recorded.deadline()).isEqualTo(DEADLINE);
        assertThat(recorded.detectedOn()).isEqualTo(REPORT_DUE.plusDays(1));
    }

    @Test
    void aDeadlineMissedWhileNoInstanceRanIsCaughtByTheFirstSweepAfterTheStart() {
        Configuration axon = instance();
        openAndPlan(axon);
        clock.set(DEADLINE.plusDays(40));
        DeadlineSweeper.Result result = new DeadlineSweeper(queries, axon.commandGateway()).sweep();
        assertThat(result.tasksMarked()).isEqualTo(1);
        assertThat(count(axon.eventStore(), TaskBecameOverdue.class)).isEqualTo(1);
    }
}

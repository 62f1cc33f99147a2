package io.sanjiaodi.rectification.command.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.platform.axon.EventStoreProperties;
import io.sanjiaodi.platform.axon.PostgresEventStore;
import io.sanjiaodi.platform.json.EventJson;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.OpenRectification;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.PlanTask;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.RevisePlan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Two instances of the service on one event store, each with its aggregate cache: a ledger the
 * first has cached and the second has changed since is loaded afresh by the first, so a command
 * that the change allows is not refused on the cached state. With the unchecked cache the first
 * instance refuses the revision of a plan the second recorded as TASK_NOT_PLANNED.
 */
class CacheAcrossInstancesTest {

    static final LedgerId LEDGER = LedgerId.forInterview("iv-cache");
    static final LocalDate TALK = LocalDate.of(2018, 11, 15);

    final EventStoreProperties store = new EventStoreProperties(
            "cache_" + UUID.randomUUID().toString().substring(0, 8), Duration.ofMinutes(10), 250, 100);
    final PGSimpleDataSource events = DevPostgres.shared().dataSource(store.schema());
    final TransactionManager transactions = new SpringTransactionManager(new JdbcTransactionManager(events));
    final List<Configuration> instances = new ArrayList<>();

    CacheAcrossInstancesTest() {
        PostgresEventStore.createSchema(events, store);
    }

    @AfterEach
    void stop() {
        instances.forEach(Configuration::shutdown);
    }

    @Test
    void aLedgerAnotherInstanceChangedIsLoadedAfreshNotAnsweredFromTheCache() {
        Configuration first = instance(PostgresEventStore.aggregateCache(events, store, 100));
        Configuration second = instance(PostgresEventStore.aggregateCache(events, store, 100));
        first.commandGateway()
                .sendAndWait(new OpenRectification(LEDGER, conducted(), TALK.plusDays(30), TALK.plusMonths(3)));
        second.commandGateway()
                .sendAndWait(new PlanTask(LEDGER, "task-p1", "张某", "办公室", TALK.plusMonths(2), "措施", ActorRole.UNIT));

        first.commandGateway()
                .sendAndWait(new RevisePlan(LEDGER, "task-p1", "李某", "办公室", "新措施", "人员调整", ActorRole.UNIT));

        assertThat(first.eventStore()
                        .readEvents(LEDGER.value())
                        .asStream()
                        .map(m -> m.getPayloadType().getSimpleName()))
                .containsExactly("RectificationOpened", "TaskPlanned", "TaskPlanRevised");
    }

    private Configuration instance(Cache cache) {
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
        var engine = PostgresEventStore.engine(
                PostgresEventStore.connectionProvider(events), transactions, serializer, serializer, store);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Rectification.class)
                        .configureCache(c -> cache))
                .buildConfiguration();
        configuration.commandBus().registerDispatchInterceptor(new ActorDispatchInterceptor("rectification-service"));
        configuration.start();
        instances.add(configuration);
        return configuration;
    }

    private static InterviewConducted conducted() {
        var who = new Interviewee(
                "张某", "党委书记", "nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, LocalDate.of(2018, 10, 1));
        var signed = new Signature("张某", Instant.parse("2018-11-15T02:00:00Z"));
        return new InterviewConducted(
                "iv-cache",
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
                        List.of(),
                        List.of(new ProblemItem("p1", "工程", "招投标", SourceChannel.INSPECTION_TOUR, null)),
                        List.of()),
                "hash",
                2);
    }
}

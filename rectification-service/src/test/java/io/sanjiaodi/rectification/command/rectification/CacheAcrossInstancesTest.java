package io.sanjiaodi.rectification.command.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.platform.axon.EventStoreProperties;
import io.sanjiaodi.platform.axon.PostgresEventStore;
import io.sanjiaodi.platform.json.EventJson;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.OpenRectification;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.PlanTask;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.RevisePlan;
import java.time.Duration;
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
                .sendAndWait(new OpenRectification(Given.LEDGER, Given.CONDUCTED, Given.PLAN_DUE, Given.REPORT_DUE));
        second.commandGateway()
                .sendAndWait(new PlanTask(Given.LEDGER, "task-p1", "张某", "办公室", Given.DEADLINE, "措施", ActorRole.UNIT));

        first.commandGateway()
                .sendAndWait(new RevisePlan(Given.LEDGER, "task-p1", "李某", "办公室", "新措施", "人员调整", ActorRole.UNIT));

        assertThat(first.eventStore()
                        .readEvents(Given.LEDGER.value())
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
}

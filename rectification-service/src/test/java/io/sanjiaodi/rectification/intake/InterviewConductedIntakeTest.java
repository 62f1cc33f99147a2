package io.sanjiaodi.rectification.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.platform.axon.EventStoreProperties;
import io.sanjiaodi.platform.axon.PostgresEventStore;
import io.sanjiaodi.platform.json.EventJson;
import io.sanjiaodi.platform.kafka.CloudEventMapper;
import io.sanjiaodi.rectification.InMemoryMongo;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.Rectification;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.OpenRectification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

class InterviewConductedIntakeTest {

    final InterviewConductedIntake intake = new InterviewConductedIntake(null, null, InMemoryMongo.settings());

    private static InterviewConducted talkIn(String jurisdiction) {
        return new InterviewConducted(
                "iv-1",
                new Interviewee(
                        "某", "书记", "u", "单位", jurisdiction, CadreLevel.COUNTY_MANAGED, LocalDate.of(2018, 1, 1)),
                LocalDate.of(2018, 11, 15),
                null,
                null,
                null,
                null,
                null,
                null,
                new FrozenLists(
                        1,
                        null,
                        List.of(new ProblemItem("p1", "招投标", "招投标不规范", SourceChannel.DAILY_SUPERVISION, null)),
                        null),
                "h",
                2);
    }

    @Test
    void thePlanIsDueTheConfiguredDaysAndTheWrittenReportThreeMonthsAfterTheTalk() {
        OpenRectification open = intake.open(LedgerId.forInterview("iv-1"), talkIn("ningbo"));
        assertThat(open.planDueOn()).isEqualTo(LocalDate.of(2018, 12, 15));
        assertThat(open.writtenReportDueOn()).isEqualTo(LocalDate.of(2019, 2, 15));
    }

    @Test
    void aJurisdictionMaySetItsOwnWrittenReportPeriod() {
        assertThat(intake.open(LedgerId.forInterview("iv-1"), talkIn("yuyao")).writtenReportDueOn())
                .isEqualTo(LocalDate.of(2019, 1, 15));
    }

    /**
     * Kafka delivers at least once: interview-service's event can arrive again (a rebalance, a
     * restart before the offset was committed). The intake runs here against the service's own
     * PostgreSQL event store, as in production; its second delivery must open nothing and must
     * return normally, since a listener that throws has the record delivered again, for ever.
     */
    @Test
    void theSameInterviewConductedDeliveredTwiceOpensOneLedgerAndTheRedeliveryIsAcknowledged()
            throws InterruptedException {
        Configuration axon = axonOnPostgres();
        try {
            CloudEventMapper mapper = new CloudEventMapper(EventJson.mapper(), "/sanjiaodi/interview-service");
            InterviewConductedIntake live =
                    new InterviewConductedIntake(axon.commandGateway(), mapper, InMemoryMongo.settings());
            CloudEvent delivered = mapper.toCloudEvent(new GenericDomainEventMessage<>(
                    "Interview",
                    "iv-1",
                    7L,
                    talkIn("ningbo"),
                    MetaData.emptyInstance(),
                    "evt-conducted",
                    Instant.parse("2018-11-15T03:00:00Z")));

            live.on(delivered);
            assertThatCode(() -> live.on(delivered)).doesNotThrowAnyException();

            assertThat(everyPayloadIn(axon))
                    .as("one ledger opened in the whole event store")
                    .singleElement()
                    .isInstanceOf(RectificationOpened.class);
            List<? extends DomainEventMessage<?>> ledger = axon.eventStore()
                    .readEvents(LedgerId.forInterview("iv-1").value())
                    .asStream()
                    .toList();
            assertThat(ledger).singleElement().satisfies(opened -> {
                assertThat(opened.getSequenceNumber()).isZero();
                assertThat(opened.getPayload())
                        .isInstanceOfSatisfying(
                                RectificationOpened.class,
                                e -> assertThat(e.interviewId()).isEqualTo("iv-1"));
            });
        } finally {
            axon.shutdown();
        }
    }

    /** Every event of the event store, in order. */
    private static List<Object> everyPayloadIn(Configuration axon) throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> all = axon.eventStore().openStream(null)) {
            while (all.hasNextAvailable(2, TimeUnit.SECONDS)) {
                payloads.add(all.nextAvailable().getPayload());
            }
        }
        return payloads;
    }

    /** One Axon configuration on a schema of its own of the test JVM's PostgreSQL server. */
    private static Configuration axonOnPostgres() {
        EventStoreProperties store = new EventStoreProperties(
                "intake_" + UUID.randomUUID().toString().substring(0, 8), Duration.ofMinutes(10), 250, 100);
        PGSimpleDataSource dataSource = DevPostgres.shared().dataSource(store.schema());
        PostgresEventStore.createSchema(dataSource, store);
        TransactionManager transactions = new SpringTransactionManager(new JdbcTransactionManager(dataSource));
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> PostgresEventStore.engine(
                        PostgresEventStore.connectionProvider(dataSource), transactions, serializer, serializer, store))
                .configureAggregate(Rectification.class)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }
}

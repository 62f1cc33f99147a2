package io.sanjiaodi.supervision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.devstack.InProcessKafka;
import io.sanjiaodi.supervision.projection.InterviewRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.projection.SupervisionProjector;
import io.sanjiaodi.supervision.testing.MongoWire;
import io.sanjiaodi.supervision.web.LiveUpdates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The rebuild the controller starts, against a real broker (in-process KRaft, two partitions per
 * topic) and a MongoDB-wire store: it pauses the live listener, drops the models, replays both
 * topics from their first event and resumes the listener.
 */
class SupervisionRebuildTest {

    static InProcessKafka kafka;
    private final MongoWire store = new MongoWire();
    private final MongoTemplate mongo = store.template();
    private final SupervisionProjector projector = new SupervisionProjector(mongo, ModelCollections.first());
    private final MessageListenerContainer listener = mock(MessageListenerContainer.class);
    private final ModelCollections collections = ModelCollections.load(mongo);
    private SupervisionIntake intake;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InProcessKafka.start(2, Topics.INTERVIEW_EVENTS, Topics.RECTIFICATION_EVENTS);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer())) {
            send(producer, Topics.INTERVIEW_EVENTS, "i1", "InterviewConducted", "iv-1", 3, """
                    {"interviewId": "iv-1", "conductedOn": "2019-03-01", "listsHash": "h1",
                     "interviewee": {"unitId": "yy-hospital", "unitName": "余姚市人民医院", "jurisdictionId": "yuyao"},
                     "lists": {"responsibilities": [{"itemId": "d1"}], "problems": [], "risks": []}}""");
            // no lists: the projector cannot apply it, so this interview is skipped from here on
            send(producer, Topics.INTERVIEW_EVENTS, "bad-1", "InterviewConducted", "iv-bad", 1, """
                    {"interviewId": "iv-bad", "conductedOn": "2019-03-02"}""");
            send(producer, Topics.INTERVIEW_EVENTS, "bad-2", "InterviewCancelled", "iv-bad", 2, """
                    {"interviewId": "iv-bad"}""");
            send(producer, Topics.INTERVIEW_EVENTS, "x1", "ProblemItemAdded", "iv-1", 4, "{}");
            send(producer, Topics.RECTIFICATION_EVENTS, "l0", "RectificationOpened", "ledger-iv-1", 0, """
                    {"ledgerId": "ledger-iv-1", "interviewId": "iv-1", "unitId": "yy-hospital",
                     "jurisdictionId": "yuyao", "conductedOn": "2019-03-01",
                     "tasks": [{"taskId": "task-p1", "text": "采购不规范"}, {"taskId": "task-k1"}]}""");
            send(producer, Topics.RECTIFICATION_EVENTS, "l1", "TaskPlanned", "ledger-iv-1", 1, """
                    {"ledgerId": "ledger-iv-1", "taskId": "task-p1", "deadline": "2019-03-31"}""");
            send(producer, Topics.RECTIFICATION_EVENTS, "l2", "TaskVerified", "ledger-iv-1", 2, """
                    {"ledgerId": "ledger-iv-1", "taskId": "task-p1", "verifiedOn": "2019-03-20"}""");
            for (int n = 0; n < 30; n++) {
                send(
                        producer,
                        Topics.RECTIFICATION_EVENTS,
                        "m" + n,
                        "RectificationOpened",
                        "ledger-many-" + n,
                        0,
                        """
                        {"ledgerId": "ledger-many-%d", "unitId": "unit-%d", "jurisdictionId": "fenghua",
                         "conductedOn": "2019-04-01", "tasks": [{"taskId": "t"}]}""".formatted(n, n));
            }
            producer.flush();
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @AfterEach
    void closeStore() {
        intake.destroy();
        store.close();
    }

    @Test
    void aRebuildThatFailsMidwayLeavesTheModelsAsTheyWereAndDropsWhatItHadBuilt() {
        InterviewRecord before = new InterviewRecord();
        before.interviewId = "iv-before";
        mongo.save(before);
        // the store fails when the replay writes its first ledgers, after it wrote interviews
        MongoTemplate failing = new MongoTemplate(store.client(), "sup") {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, Class<?> type, String collection) {
                if (collection.startsWith("sup_ledgers_g")) {
                    throw new DataAccessResourceFailureException("store gone");
                }
                return super.bulkOps(mode, type, collection);
            }

            @Override
            public <T> T save(T model, String collection) {
                if (collection.startsWith("sup_ledgers_g")) {
                    throw new DataAccessResourceFailureException("store gone");
                }
                return super.save(model, collection);
            }
        };
        ((MappingMongoConverter) failing.getConverter()).afterPropertiesSet();
        intake = intake(failing);

        assertThat(intake.rebuild()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> !intake.isRebuilding());

        assertThat(collections.active().generation()).isZero();
        assertThat(find("iv-before", InterviewRecord.class))
                .as("the models read before")
                .isNotNull();
        assertThat(find("iv-1", InterviewRecord.class))
                .as("nothing of the failed replay")
                .isNull();
        assertThat(mongo.collectionExists("sup_interviews_g1"))
                .as("the half-built generation")
                .isFalse();
        assertThat(ModelCollections.load(mongo).active().generation()).isZero();
        assertThat(intake.lastFailure())
                .as("the status names the failure instead of showing the last success as the latest")
                .hasValueSatisfying(failure -> assertThat(failure).contains("store gone"));
    }

    @Test
    void aRebuildDropsWhatTheModelsHeldAndReplaysBothTopicsIntoThemFromTheFirstEvent() {
        LedgerRecord stale = new LedgerRecord();
        stale.ledgerId = "ledger-gone";
        mongo.save(stale);
        // a model that ran ahead of the topics: only a dropped model takes the replayed events again
        LedgerRecord ahead = new LedgerRecord();
        ahead.ledgerId = "ledger-iv-1";
        ahead.lastSequence = 99;
        mongo.save(ahead);
        InterviewRecord oldInterview = new InterviewRecord();
        oldInterview.interviewId = "iv-old";
        mongo.save(oldInterview);
        intake = intake();

        assertThat(intake.rebuild()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> intake.lastRebuild().isPresent() && !intake.isRebuilding());

        assertThat(find("ledger-gone", LedgerRecord.class)).isNull();
        assertThat(find("iv-old", InterviewRecord.class)).isNull();
        LedgerRecord ledger = find("ledger-iv-1", LedgerRecord.class);
        assertThat(ledger).as("the replayed ledger").isNotNull();
        assertThat(ledger.lastSequence).isEqualTo(2);
        assertThat(ledger.unitId).isEqualTo("yy-hospital");
        assertThat(ledger.tasks)
                .extracting(t -> t.taskId + " " + t.status)
                .containsExactly("task-p1 " + TaskStatus.VERIFIED, "task-k1 " + TaskStatus.OPEN);
        InterviewRecord interview = find("iv-1", InterviewRecord.class);
        assertThat(interview).as("the replayed interview").isNotNull();
        assertThat(interview.status).isEqualTo("CONDUCTED");
        assertThat(interview.responsibilityCount).isEqualTo(1);
        assertThat(find("iv-bad", InterviewRecord.class)).isNull();
        assertThat(mongo.count(
                        new org.springframework.data.mongodb.core.query.Query(), collections.of(LedgerRecord.class)))
                .isEqualTo(31);

        SupervisionReplay.Result result = intake.lastRebuild().orElseThrow();
        assertThat(result.events()).isEqualTo(37);
        assertThat(result.changed()).isEqualTo(1 + 3 + 30);
        assertThat(result.failedAggregates()).isEqualTo(1);

        InOrder order = inOrder(listener);
        order.verify(listener).pause();
        order.verify(listener).resume();
    }

    @Test
    void aSecondRebuildIsNotStartedWhileOneRunsAndTheModelsAreNotDroppedBeforeTheListenerPaused() {
        InterviewRecord old = new InterviewRecord();
        old.interviewId = "iv-old";
        mongo.save(old);
        intake = intake();
        when(listener.isContainerPaused()).thenAnswer(call -> paused);

        assertThat(intake.rebuild()).isTrue();
        assertThat(intake.rebuild()).isFalse();
        assertThat(intake.isRebuilding()).isTrue();
        await().during(Duration.ofMillis(300)).until(() -> find("iv-old", InterviewRecord.class) != null);

        paused = true;
        await().atMost(Duration.ofSeconds(60)).until(() -> intake.lastRebuild().isPresent() && !intake.isRebuilding());
        assertThat(find("iv-old", InterviewRecord.class)).isNull();
        assertThat(intake.rebuild()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> !intake.isRebuilding());
        assertThat(find("ledger-iv-1", LedgerRecord.class).lastSequence).isEqualTo(2);
    }

    private volatile boolean paused;

    /** A model as the dashboard reads it now (the generation the last completed rebuild switched to). */
    private <T> T find(String id, Class<T> model) {
        return mongo.findById(id, model, collections.of(model));
    }

    @Test
    void aRebuildIsRefusedOnAnInstanceWhoseLiveListenerDoesNotRun() {
        intake = intake();
        when(listener.isRunning()).thenReturn(false); // an audit-service standby
        assertThatThrownBy(intake::rebuild)
                .isInstanceOfSatisfying(
                        io.sanjiaodi.platform.Refusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("SUPERVISION_INTAKE_NOT_RUNNING"));
        assertThat(intake.isRebuilding()).isFalse();
        assertThat(collections.active().generation()).isZero();
    }

    private SupervisionIntake intake() {
        return intake(mongo);
    }

    private SupervisionIntake intake(MongoTemplate mongo) {
        KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
        when(registry.getListenerContainer(SupervisionIntake.LISTENER_ID)).thenReturn(listener);
        when(listener.isRunning()).thenReturn(true);
        when(listener.isContainerPaused()).thenReturn(false, true);
        return new SupervisionIntake(
                projector,
                mock(LiveUpdates.class),
                registry,
                new DefaultKafkaConsumerFactory<>(Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "supervision")),
                mongo,
                collections);
    }

    private static void send(
            KafkaProducer<String, CloudEvent> producer,
            String topic,
            String id,
            String type,
            String aggregateId,
            long sequence,
            String payload)
            throws Exception {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create("/sanjiaodi/test"))
                .withSubject(aggregateId)
                .withTime(OffsetDateTime.parse("2019-03-01T08:00:00Z").plusMinutes(sequence))
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, Long.toString(sequence))
                .withData("application/json", payload.getBytes(StandardCharsets.UTF_8))
                .build();
        producer.send(new ProducerRecord<>(topic, aggregateId, event)).get();
    }
}

package io.sanjiaodi.interview.query.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.interview.ConfidentialSourcesErased;
import io.sanjiaodi.contracts.interview.InterviewScheduled;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ResponsibilityItemAdded;
import io.sanjiaodi.contracts.interview.RiskItemAdded;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The interview view records the last sequence it applied; an event that arrives past a gap (its
 * model write lost while the token moved on) first has the missed events re-applied from the
 * event store, instead of the view skipping them for ever.
 */
class InterviewViewGapTest {

    private static final String ID = "iv-gap";
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = client(server.bind());
    private final MongoTemplate mongo = new MongoTemplate(client, "interview-gap-test");
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final AnnotationEventHandlerAdapter projection =
            new AnnotationEventHandlerAdapter(new InterviewViewProjection(mongo, store));

    private final List<Object> history = List.of(
            new InterviewScheduled(
                    ID,
                    new Interviewee(
                            "张某",
                            "局长",
                            "nb-transport",
                            "市交通局",
                            "ningbo",
                            CadreLevel.CITY_MANAGED,
                            LocalDate.of(2018, 10, 30)),
                    LocalDate.of(2018, 11, 15),
                    "谈话室",
                    new PersonRef("nb-secretary", "陈明", "市纪委书记")),
            new ResponsibilityItemAdded(
                    ID, new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "专题研究", "tpl-2018"), 1),
            new ConfidentialSourcesErased(ID, "保存期满", Instant.parse("2019-01-01T00:00:00Z")),
            new RiskItemAdded(ID, new RiskItem("k1", "道路运输", "审批风险", "案例", "留痕", RiskLevel.HIGH), 2),
            new RiskItemAdded(ID, new RiskItem("k2", "工程建设", "招标风险", "案例", "公开", RiskLevel.MEDIUM), 3));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anEventPastAGapHasTheMissedEventsReappliedFromTheEventStore() throws Exception {
        List<DomainEventMessage<?>> events = stored();

        projection.handle(events.get(0));
        projection.handle(events.get(4)); // 1 to 3 were handled, but their writes are lost

        InterviewView view = mongo.findById(ID, InterviewView.class);
        assertThat(view.lastSequence).isEqualTo(4);
        assertThat(view.responsibilities).extracting(ResponsibilityItem::itemId).containsExactly("d1");
        assertThat(view.risks).extracting(RiskItem::itemId).containsExactly("k1", "k2");
        assertThat(view.listVersion).isEqualTo(3);
    }

    @Test
    void aViewThatMissedItsFirstEventsIsBuiltFromTheFirstEventOn() throws Exception {
        List<DomainEventMessage<?>> events = stored();

        projection.handle(events.get(3));

        InterviewView view = mongo.findById(ID, InterviewView.class);
        assertThat(view.status).isEqualTo("SCHEDULED");
        assertThat(view.unitId).isEqualTo("nb-transport");
        assertThat(view.risks).extracting(RiskItem::itemId).containsExactly("k1");
        assertThat(view.lastSequence).isEqualTo(3);
    }

    @Test
    void anEventHandledAgainAfterTheRepairChangesNothing() throws Exception {
        List<DomainEventMessage<?>> events = stored();
        projection.handle(events.get(0));
        projection.handle(events.get(4));

        for (DomainEventMessage<?> event : events) {
            projection.handle(event);
        }

        InterviewView view = mongo.findById(ID, InterviewView.class);
        assertThat(view.risks).extracting(RiskItem::itemId).containsExactly("k1", "k2");
        assertThat(view.lastSequence).isEqualTo(4);
    }

    @Test
    void theErasureOfSourcesMovesTheSequenceOnSoThatItIsNoGap() throws Exception {
        List<DomainEventMessage<?>> events = stored();
        for (DomainEventMessage<?> event : events.subList(0, 3)) {
            projection.handle(event);
        }

        assertThat(mongo.findById(ID, InterviewView.class).lastSequence).isEqualTo(2);
    }

    private List<DomainEventMessage<?>> stored() {
        List<DomainEventMessage<?>> events = new java.util.ArrayList<>();
        for (int seq = 0; seq < history.size(); seq++) {
            events.add(new GenericDomainEventMessage<>("Interview", ID, seq, history.get(seq)));
        }
        store.publish(events);
        return events;
    }

    private static MongoClient client(InetSocketAddress address) {
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }
}

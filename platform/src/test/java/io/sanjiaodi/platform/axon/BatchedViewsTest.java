package io.sanjiaodi.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch of a streaming processor reads its views with one query and writes them with one bulk
 * write when it commits; a batch that fails writes nothing; outside a batch every call goes to the
 * store. Counted as the commands the MongoDB driver sends.
 */
class BatchedViewsTest {

    /** A view as the projections keep them: one per aggregate, the id the aggregate's. */
    static final class Counter {
        @Id
        String id;

        long applied = -1;
        int events;
    }

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<String> commands = new ArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString("mongodb://" + address()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.add(event.getCommandName());
                }
            })
            .build());
    private final MongoTemplate mongo = new MongoTemplate(client, "batched-views");
    private final BatchedViews<Counter> views = new BatchedViews<>(mongo, Counter.class, c -> c.id);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchOfHundredEventsOfTenAggregatesIsOneReadAndOneWrite() throws Exception {
        List<EventMessage<?>> batch = events(100, 10);
        commands.clear();

        new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            batch.forEach(this::apply);
            return null;
        });

        assertThat(commands).containsExactly("find", "update");
        assertThat(mongo.findAll(Counter.class)).hasSize(10).allSatisfy(c -> {
            assertThat(c.events).isEqualTo(10);
            assertThat(c.applied).isEqualTo(9);
        });
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        List<EventMessage<?>> batch = events(20, 2);

        var result = new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            batch.forEach(this::apply);
            throw new IllegalStateException("a handler failed");
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(mongo.findAll(Counter.class)).isEmpty();
    }

    @Test
    void outsideABatchEveryReadAndWriteGoesToTheStoreAtOnce() {
        commands.clear();

        events(3, 1).forEach(this::apply);

        assertThat(commands).containsExactly("find", "update", "find", "update", "find", "update");
        assertThat(mongo.findById("agg-0", Counter.class).events).isEqualTo(3);
    }

    /** What a projection does with an event: read its view, guard by sequence, change, save. */
    private void apply(EventMessage<?> message) {
        GenericDomainEventMessage<?> event = (GenericDomainEventMessage<?>) message;
        Counter view = views.find(event.getAggregateIdentifier());
        if (view == null) {
            view = new Counter();
            view.id = event.getAggregateIdentifier();
        }
        if (view.applied >= event.getSequenceNumber()) {
            return;
        }
        view.applied = event.getSequenceNumber();
        view.events++;
        views.save(view);
    }

    private static List<EventMessage<?>> events(int count, int aggregates) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>("Agg", "agg-" + (i % aggregates), i / aggregates, "e" + i));
        }
        return events;
    }

    private String address() {
        var bound = server.bind();
        return bound.getHostString() + ":" + bound.getPort();
    }
}

package io.sanjiaodi.supervision.web;

import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.platform.security.Jurisdictions;
import io.sanjiaodi.supervision.projection.InterviewRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.projection.RecordedEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events: the dashboard refreshes when a model changed, without reloading or polling.
 * Each subscriber hears only of changes within its jurisdiction (a district office learns nothing of
 * the city's or another district's interviews, not even that one changed); a change whose aggregate
 * has no jurisdiction in the models reaches the root's readers only.
 */
@Component
@RestController
public class LiveUpdates implements DisposableBean {

    private record Subscriber(SseEmitter emitter, Actor actor) {
        boolean mayHear(String jurisdictionId) {
            return Jurisdictions.isRoot(actor.jurisdictionId())
                    || (jurisdictionId != null && actor.mayAccessJurisdiction(jurisdictionId));
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final MongoTemplate mongo;
    private final ModelCollections collections;

    public LiveUpdates(MongoTemplate mongo, ModelCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    @GetMapping("/api/supervision/stream")
    SseEmitter subscribe() throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(emitter, Actors.require());
        // sent at once, so the browser knows the stream is open before the first change
        emitter.send(SseEmitter.event().comment("connected"));
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        return emitter;
    }

    /** Open streams would otherwise hold a graceful shutdown until its time-out. */
    @Override
    public void destroy() {
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    public void changed(RecordedEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        boolean allAtTheRoot = subscribers.stream()
                .allMatch(s -> Jurisdictions.isRoot(s.actor().jurisdictionId()));
        String jurisdictionId = allAtTheRoot ? null : jurisdictionOf(event.aggregateId());
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.mayHear(jurisdictionId)) {
                continue;
            }
            try {
                subscriber
                        .emitter()
                        .send(SseEmitter.event()
                                .name("changed")
                                .data(Map.of(
                                        "type",
                                        event.type(),
                                        "aggregateId",
                                        event.aggregateId(),
                                        "eventId",
                                        event.eventId())));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(subscriber);
            }
        }
    }

    /** The aggregate's jurisdiction as the models hold it (the change was applied before it is announced). */
    private String jurisdictionOf(String aggregateId) {
        Query byId = Query.query(Criteria.where("_id").is(aggregateId));
        byId.fields().include("jurisdictionId");
        LedgerRecord ledger = mongo.findOne(byId, LedgerRecord.class, collections.of(LedgerRecord.class));
        if (ledger != null) {
            return ledger.jurisdictionId;
        }
        InterviewRecord interview = mongo.findOne(byId, InterviewRecord.class, collections.of(InterviewRecord.class));
        return interview == null ? null : interview.jurisdictionId;
    }
}

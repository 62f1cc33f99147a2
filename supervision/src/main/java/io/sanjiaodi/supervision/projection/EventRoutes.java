package io.sanjiaodi.supervision.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The events one supervision model follows: per event, the contract record its payload is read as
 * and the handler method that applies it. Dispatch is one map lookup by the payload's class, so a
 * rebuild pays for no reflection beyond Jackson's reading of the payload.
 *
 * @param <M> the model the events change
 */
final class EventRoutes<M> {

    /** Applies one event to a model; {@code event} is its envelope (id, type, time) for the history. */
    @FunctionalInterface
    interface Handler<P, M> {
        void on(P payload, M model, RecordedEvent event);
    }

    private record Route<P, M>(Class<P> type, Function<P, String> model, Handler<P, M> handler) {

        boolean names(Object payload) {
            return model == null || model.apply(type.cast(payload)) != null;
        }

        void apply(Object payload, M target, RecordedEvent event) {
            handler.on(type.cast(payload), target, event);
        }
    }

    private final Map<Class<?>, Route<?, M>> routes = new LinkedHashMap<>();

    <P extends Record> EventRoutes<M> on(Class<P> type, Handler<P, M> handler) {
        routes.put(type, new Route<>(type, null, handler));
        return this;
    }

    /**
     * @param model the id of the model the event names; an event naming none is not followed (it
     *              would start an empty model under the aggregate's id)
     */
    <P extends Record> EventRoutes<M> on(Class<P> type, Function<P, String> model, Handler<P, M> handler) {
        routes.put(type, new Route<>(type, model, handler));
        return this;
    }

    /** Whether this model follows the event (false for a payload of no type of this model's, or none). */
    boolean follows(RecordedEvent event) {
        Route<?, M> route =
                event.payload() == null ? null : routes.get(event.payload().getClass());
        return route != null && route.names(event.payload());
    }

    /** Applies an event this model {@link #follows follows}. */
    void apply(M model, RecordedEvent event) {
        routes.get(event.payload().getClass()).apply(event.payload(), model, event);
    }

    Set<Class<?>> payloadTypes() {
        return routes.keySet();
    }
}

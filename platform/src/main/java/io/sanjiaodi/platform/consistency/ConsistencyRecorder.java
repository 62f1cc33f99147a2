package io.sanjiaodi.platform.consistency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts the {@link ConsistencyToken} of what a request's commands reached on its answer. It sees
 * every event the service's aggregates publish; commands run in the request's thread (Axon's
 * simple command bus), so the events of a command sent by a controller belong to the current
 * request. The header is set once the command's unit of work has committed — before the
 * controller returns, so before the answer is written — and covers every command of the request.
 */
final class ConsistencyRecorder implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String REACHED = ConsistencyRecorder.class.getName() + ".reached";
    private static final String PENDING = ConsistencyRecorder.class.getName() + ".pending";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
                record(event);
            }
            return message;
        };
    }

    private static void record(DomainEventMessage<?> event) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || attributes.getResponse() == null) {
            return; // not a request's command (a Kafka consumer's, a sweep's)
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Long> pending = root.getOrComputeResource(PENDING, key -> {
            Map<String, Long> positions = new LinkedHashMap<>();
            root.afterCommit(committed -> answer(attributes.getRequest(), attributes.getResponse(), positions));
            return positions;
        });
        pending.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
    }

    @SuppressWarnings("unchecked")
    private static void answer(HttpServletRequest request, HttpServletResponse response, Map<String, Long> committed) {
        if (request.getAttribute(REACHED) == null) {
            request.setAttribute(REACHED, new LinkedHashMap<String, Long>());
        }
        Map<String, Long> reached = (Map<String, Long>) request.getAttribute(REACHED);
        committed.forEach((id, seq) -> reached.merge(id, seq, Math::max));
        if (!response.isCommitted()) {
            response.setHeader(
                    ConsistencyToken.HEADER, ConsistencyToken.of(reached).toString());
        }
    }
}

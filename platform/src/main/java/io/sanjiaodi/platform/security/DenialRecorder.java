package io.sanjiaodi.platform.security;

import io.sanjiaodi.contracts.security.AccessDenied;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Records a refused request as an {@link AccessDenied} event in the service's own event store,
 * which is its outbox to Kafka: the audit trail gets it like any other event. Recording must
 * never turn a 403 into a 500, so a failure is logged and the refusal answered anyway.
 */
public class DenialRecorder {

    private static final Logger log = LoggerFactory.getLogger(DenialRecorder.class);
    private final ObjectProvider<EventGateway> events;
    private final String service;

    public DenialRecorder(ObjectProvider<EventGateway> events, String service) {
        this.events = events;
        this.service = service;
    }

    public void record(HttpServletRequest request, int status, String code, Actor actor) {
        EventGateway gateway = events.getIfAvailable();
        if (gateway == null) {
            return;
        }
        AccessDenied denied = new AccessDenied(
                service,
                request.getMethod(),
                truncate(request.getRequestURI()),
                status,
                code,
                actor == null || actor.userId() == null ? "anonymous" : actor.userId(),
                actor == null || actor.role() == null ? "NONE" : actor.role().name(),
                actor == null || actor.unitId() == null ? "" : actor.unitId(),
                actor == null || actor.jurisdictionId() == null ? "" : actor.jurisdictionId());
        try {
            gateway.publish(GenericEventMessage.asEventMessage(denied)
                    .andMetaData(actor == null ? Map.of() : ActorMetaData.of(actor)));
        } catch (RuntimeException e) {
            log.warn("could not record the refused request {} {}: {}", denied.method(), denied.path(), e.toString());
        }
    }

    private static String truncate(String path) {
        return path == null ? "" : path.length() > 500 ? path.substring(0, 500) : path;
    }
}

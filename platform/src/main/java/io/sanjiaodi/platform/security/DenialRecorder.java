package io.sanjiaodi.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.sanjiaodi.contracts.security.AccessDenied;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The one way a refused request is recorded. A request without a valid token (401) names nobody
 * and costs its sender nothing, so it is only counted ({@value #UNAUTHENTICATED}, by code) and
 * logged at most once a minute: it never reaches the permanent, append-only audit trail. A signed-in
 * actor's refusal (403) becomes an {@link AccessDenied} event in the service's own event store
 * (its outbox to Kafka and the trail), coalesced per (actor, method, path, code) per window by
 * {@link DenialWindows}: the first at once, the rest of the window as one event with their count
 * when {@link #flush()} finds it closed. Recording must never turn a refusal into a 500, so a
 * failure is logged and the refusal answered anyway.
 */
public class DenialRecorder {

    public static final String UNAUTHENTICATED = "sanjiaodi.access.unauthenticated";
    public static final String OVERFLOW = "sanjiaodi.security.denials.overflow";
    public static final String COALESCED = "sanjiaodi.security.denials.coalesced";

    private static final Logger log = LoggerFactory.getLogger(DenialRecorder.class);

    private record Key(String userId, String method, String path, String code) {}

    private record First(AccessDenied denied, Map<String, ?> metaData) {}

    private final ObjectProvider<EventGateway> events;
    private final String service;
    private final MeterRegistry meters;
    private final DenialWindows<First> windows;
    private final RateLimitedLog unauthenticatedLog;
    private final RateLimitedLog overflowLog;

    public DenialRecorder(
            ObjectProvider<EventGateway> events,
            String service,
            MeterRegistry meters,
            Clock clock,
            Duration window,
            int maxOpenWindows) {
        this.events = events;
        this.service = service;
        this.meters = meters;
        this.windows = new DenialWindows<>(clock, window, maxOpenWindows);
        this.unauthenticatedLog = new RateLimitedLog(log, clock, Duration.ofMinutes(1));
        this.overflowLog = new RateLimitedLog(log, clock, Duration.ofMinutes(1));
    }

    public void record(HttpServletRequest request, int status, String code, Actor actor) {
        if (status == 401 || actor == null || actor.userId() == null) {
            meters.counter(UNAUTHENTICATED, "code", code).increment();
            unauthenticatedLog.note("refused a request without a valid token (" + code + "), not recorded");
            return;
        }
        String path = truncate(request.getRequestURI());
        AccessDenied denied = new AccessDenied(
                service,
                request.getMethod(),
                path,
                status,
                code,
                actor.userId(),
                actor.role() == null ? "NONE" : actor.role().name(),
                actor.unitId() == null ? "" : actor.unitId(),
                actor.jurisdictionId() == null ? "" : actor.jurisdictionId(),
                1,
                null);
        First first = new First(denied, ActorMetaData.of(actor));
        List<DenialWindows.Closed<First>> closedMeanwhile = new ArrayList<>(1);
        DenialWindows.Decision decision =
                windows.offer(new Key(actor.userId(), denied.method(), path, code), first, closedMeanwhile);
        closedMeanwhile.forEach(this::publish);
        switch (decision) {
            case RECORD_NOW -> publish(denied, first.metaData());
            case COUNTED -> meters.counter(COALESCED).increment();
            case OVERFLOW -> {
                meters.counter(OVERFLOW).increment();
                overflowLog.note("too many refused (actor, path) pairs in one window; refusal of " + actor.userId()
                        + " counted, not recorded");
            }
        }
    }

    /** Records the windows that have ended (run every few seconds). */
    public void flush() {
        windows.closeExpired().forEach(this::publish);
    }

    /** Records every open window, ended or not (on shutdown, before the event store goes). */
    public void flushAll() {
        windows.closeAll().forEach(this::publish);
    }

    private void publish(DenialWindows.Closed<First> closed) {
        AccessDenied d = closed.first().denied();
        publish(
                new AccessDenied(
                        d.service(),
                        d.method(),
                        d.path(),
                        d.status(),
                        d.code(),
                        d.userId(),
                        d.role(),
                        d.unitId(),
                        d.jurisdictionId(),
                        closed.occurrences(),
                        closed.windowEnd()),
                closed.first().metaData());
    }

    private void publish(AccessDenied denied, Map<String, ?> metaData) {
        EventGateway gateway = events.getIfAvailable();
        if (gateway == null) {
            return;
        }
        try {
            gateway.publish(GenericEventMessage.asEventMessage(denied).andMetaData(metaData));
        } catch (RuntimeException e) {
            log.warn(
                    "could not record {} refused request(s) {} {}: {}",
                    denied.occurrences(),
                    denied.method(),
                    denied.path(),
                    e.toString());
        }
    }

    private static String truncate(String path) {
        return path == null ? "" : path.length() > 500 ? path.substring(0, 500) : path;
    }
}

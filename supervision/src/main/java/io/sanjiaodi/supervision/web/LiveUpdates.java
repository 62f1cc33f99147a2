package io.sanjiaodi.supervision.web;

import io.sanjiaodi.supervision.projection.RecordedEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events: the dashboard refreshes when a model changed, without reloading or polling. */
@Component
@RestController
public class LiveUpdates implements DisposableBean {

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    @GetMapping("/api/supervision/stream")
    SseEmitter subscribe() throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        // sent at once, so the browser knows the stream is open before the first change
        emitter.send(SseEmitter.event().comment("connected"));
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        return emitter;
    }

    /** Open streams would otherwise hold a graceful shutdown until its time-out. */
    @Override
    public void destroy() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    public void changed(RecordedEvent event) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event()
                        .name("changed")
                        .data(Map.of(
                                "type", event.type(), "aggregateId", event.aggregateId(), "eventId", event.eventId())));
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }
    }
}

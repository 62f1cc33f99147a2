package io.sanjiaodi.interview.sources;

import io.sanjiaodi.contracts.interview.ConfidentialSourcesErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Destroys an interview's data key once its erasure is stored. A tracking handler: should Mongo be
 * away, the event is retried until the key is gone (the erasure is on record either way).
 */
@Component
@ProcessingGroup("source-erasure")
class SourceErasure {

    private final DataKeys keys;

    SourceErasure(DataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(ConfidentialSourcesErased e) {
        keys.destroy(e.interviewId(), e.erasedAt());
    }
}

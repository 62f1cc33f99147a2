package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.platform.Ids;
import java.util.UUID;

/**
 * Identifies one interview; its string form is the aggregate id in the event store and on Kafka.
 * It checks its own format, so an id from a URL is a plain token before any query or command sees it.
 */
public record InterviewId(String value) {

    public InterviewId {
        Ids.requireWellFormed(value, "interview id", 64);
    }

    public static InterviewId newId() {
        return new InterviewId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

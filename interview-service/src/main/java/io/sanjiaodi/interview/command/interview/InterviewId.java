package io.sanjiaodi.interview.command.interview;

import java.util.Objects;
import java.util.UUID;

/** Identifies one interview; its string form is the aggregate id in the event store and on Kafka. */
public record InterviewId(String value) {

    public InterviewId {
        Objects.requireNonNull(value, "interview id");
    }

    public static InterviewId newId() {
        return new InterviewId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

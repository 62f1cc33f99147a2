package io.sanjiaodi.contracts;

import java.util.List;

/** Kafka topic names: each service publishes its own events to exactly one of these. */
public final class Topics {
    public static final String INTERVIEW_EVENTS = "interview.events";
    public static final String RECTIFICATION_EVENTS = "rectification.events";
    /** Security audit events ({@code AccessDenied}) of every service; only audit-service consumes it. */
    public static final String SECURITY_EVENTS = "sanjiaodi.security";

    /**
     * The producers' signed statements of what they have published ({@code ProducerStatement}),
     * sent directly, not through an event store: each supersedes the previous one. Not an event
     * topic, so not in {@link #ALL}: audit-service checks its log against them instead of logging them.
     */
    public static final String STATEMENTS = "sanjiaodi.statements";

    /** Every topic of the published language, in the order the audit trail consumes them. */
    public static final List<String> ALL = List.of(INTERVIEW_EVENTS, RECTIFICATION_EVENTS, SECURITY_EVENTS);

    private Topics() {}
}

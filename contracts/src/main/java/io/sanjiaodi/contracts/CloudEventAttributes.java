package io.sanjiaodi.contracts;

/**
 * The CloudEvents 1.0 envelope every published event travels in (binary mode: attributes in
 * Kafka headers prefixed {@code ce_}, JSON payload as the record value, record key = subject).
 * <ul>
 *   <li>{@code id} — the Axon event identifier (globally unique, the deduplication key)</li>
 *   <li>{@code type} — the event's simple name, e.g. {@code InterviewConducted}</li>
 *   <li>{@code source} — the publishing service, e.g. {@code /sanjiaodi/interview-service}</li>
 *   <li>{@code subject} — the aggregate identifier</li>
 *   <li>{@code time} — when the event was stored</li>
 * </ul>
 * Extension attribute names below (lower-case alphanumerics, as the spec demands).
 */
public final class CloudEventAttributes {
    /** Aggregate sequence number (0-based), as a decimal string. */
    public static final String AGGREGATE_SEQUENCE = "aggregatesequence";
    /** Aggregate type, e.g. {@code Interview}. */
    public static final String AGGREGATE_TYPE = "aggregatetype";
    /** Axon correlation id: the id of the message that caused this event. */
    public static final String CORRELATION_ID = "correlationid";
    /** The payload revision ({@code @Revision}) the data was written with. */
    public static final String EVENT_REVISION = "eventrevision";
    /** Who caused the event: the user id ({@code sub} of the token); absent for the services' own work. */
    public static final String ACTOR = "actor";
    /** The actor's role, e.g. {@code SUPERVISION_OFFICE}. */
    public static final String ACTOR_ROLE = "actorrole";
    /** The actor's unit (unit roles only). */
    public static final String ACTOR_UNIT = "actorunit";
    /** The actor's jurisdiction, e.g. {@code ningbo}. */
    public static final String ACTOR_JURISDICTION = "actorjurisdiction";
    /**
     * The event's position in its producer's published stream (1-based, dense, decimal string):
     * its rank in the producer's event store by global index, so a redelivery carries the same
     * value. The producer's signed statements ({@code sanjiaodi.statements}) cover positions 1..n.
     */
    public static final String PRODUCER_SEQUENCE = "producerseq";
    /**
     * The W3C trace context of the request that caused the event (CloudEvents Distributed Tracing
     * extension), {@code 00-<trace id>-<span id>-<flags>}; absent for work no request or record
     * started (a command sent by a tracking processor's event handler). The record also carries it as the plain Kafka header {@code traceparent},
     * where tracing consumers look for it. {@link TraceParent} reads it.
     */
    public static final String TRACE_PARENT = "traceparent";

    public static final String SOURCE_PREFIX = "/sanjiaodi/";

    private CloudEventAttributes() {}
}

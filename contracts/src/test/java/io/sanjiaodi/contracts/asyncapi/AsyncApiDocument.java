package io.sanjiaodi.contracts.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanjiaodi.contracts.CloudEventAttributes;
import io.sanjiaodi.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The published language as an AsyncAPI 3.0 document: every event topic, the events on it, each
 * event's payload schema generated from its record, and the CloudEvents attributes it travels with
 * (binary mode: Kafka headers {@code ce_*}, the record key the aggregate id). The committed copy
 * ({@code src/main/resources/asyncapi/sanjiaodi.asyncapi.json}, served by audit-service) is held
 * equal to this by {@code AsyncApiDocumentTest}; {@code scripts/asyncapi.sh} writes it again.
 */
final class AsyncApiDocument {

    /** Where the committed document sits on the classpath. */
    static final String RESOURCE = "/asyncapi/sanjiaodi.asyncapi.json";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A topic, its producer, and the packages of the contract whose events it carries. */
    private record Channel(String topic, String producer, List<String> packages, String description) {}

    private static final List<Channel> CHANNELS = List.of(
            new Channel(
                    Topics.INTERVIEW_EVENTS,
                    "interview-service",
                    List.of("interview", "registry", "template"),
                    "The interviews (scheduling, the three lists, the talk), the unit and person registry and the"
                            + " responsibility templates."),
            new Channel(
                    Topics.RECTIFICATION_EVENTS,
                    "rectification-service",
                    List.of("rectification"),
                    "The ledgers: tasks, plans, progress, evidence, verification, evaluations, accountability."),
            new Channel(
                    Topics.SECURITY_EVENTS,
                    "every service",
                    List.of("security"),
                    "Refused requests (AccessDenied) of every service, read by the audit trail only."));

    private AsyncApiDocument() {}

    /** The document, from the given published events (the records carrying {@code @Revision}). */
    static ObjectNode build(List<Class<?>> events) {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        doc.putObject("info")
                .put("title", "三交底 integrity interview platform: published events")
                .put("version", "1")
                .put(
                        "description",
                        "Every event the services publish, as CloudEvents 1.0 in Kafka binary mode: the attributes in"
                                + " headers prefixed ce_, the JSON payload as the record value, the record key the"
                                + " aggregate id. A consumer deduplicates by ce_id and orders by ce_aggregatesequence.");
        doc.put("defaultContentType", "application/json");
        doc.putObject("servers")
                .putObject("local")
                .put("host", "localhost:9092")
                .put("protocol", "kafka")
                .put("description", "the local run's broker (run.sh)");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        JsonSchemas schemas = new JsonSchemas();
        for (Channel channel : CHANNELS) {
            String id = channelId(channel.topic());
            ObjectNode node = channels.putObject(id);
            node.put("address", channel.topic()).put("description", channel.description());
            ObjectNode channelMessages = node.putObject("messages");
            ArrayNode operationMessages = JSON.arrayNode();
            for (Class<?> event : events) {
                String pkg = event.getPackageName();
                if (channel.packages().contains(pkg.substring(pkg.lastIndexOf('.') + 1))) {
                    String name = event.getSimpleName();
                    messages.set(name, message(event, schemas));
                    channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                    operationMessages.addObject().put("$ref", "#/channels/" + id + "/messages/" + name);
                }
            }
            ObjectNode send = operations.putObject("publish" + capitalised(id));
            send.put("action", "send").put("summary", channel.producer() + " publishes to " + channel.topic());
            send.putObject("channel").put("$ref", "#/channels/" + id);
            send.set("messages", operationMessages);
        }
        components.set("schemas", JSON.objectNode().setAll(schemas.all()));
        components.putObject("messageTraits").set("cloudEvent", cloudEventTrait());
        return doc;
    }

    private static ObjectNode message(Class<?> event, JsonSchemas schemas) {
        ObjectNode message = JSON.objectNode();
        message.put("name", event.getSimpleName())
                .put("title", event.getSimpleName())
                .put(
                        "summary",
                        "ce_type " + event.getSimpleName() + ", payload revision "
                                + event.getAnnotation(Revision.class).value());
        message.put("contentType", "application/json");
        message.set("payload", schemas.refTo(event));
        message.putArray("traits").addObject().put("$ref", "#/components/messageTraits/cloudEvent");
        message.putObject("bindings")
                .putObject("kafka")
                .put("bindingVersion", "0.5.0")
                .set(
                        "key",
                        JSON.objectNode().put("type", "string").put("description", "the aggregate id (ce_subject)"));
        return message;
    }

    /** The CloudEvents attributes every event carries, as Kafka headers. */
    private static ObjectNode cloudEventTrait() {
        ObjectNode headers = JSON.objectNode().put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        header(properties, "ce_specversion", "CloudEvents version, 1.0");
        header(properties, "ce_id", "the event id (the Axon event identifier): the deduplication key");
        header(properties, "ce_type", "the event's name, as the message name here");
        header(properties, "ce_source", "the publishing service, " + CloudEventAttributes.SOURCE_PREFIX + "<service>");
        header(properties, "ce_subject", "the aggregate id");
        header(properties, "ce_time", "when the event was stored (RFC 3339)");
        header(properties, "ce_" + CloudEventAttributes.AGGREGATE_SEQUENCE, "the aggregate's sequence number, 0-based");
        header(properties, "ce_" + CloudEventAttributes.AGGREGATE_TYPE, "the aggregate type, e.g. Interview");
        header(properties, "ce_" + CloudEventAttributes.CORRELATION_ID, "the id of the message that caused it");
        header(properties, "ce_" + CloudEventAttributes.EVENT_REVISION, "the payload revision it was written with");
        header(
                properties,
                "ce_" + CloudEventAttributes.ACTOR,
                "who caused it (user id); absent for the services' own work");
        header(properties, "ce_" + CloudEventAttributes.ACTOR_ROLE, "the actor's role");
        header(properties, "ce_" + CloudEventAttributes.ACTOR_UNIT, "the actor's unit (unit roles only)");
        header(properties, "ce_" + CloudEventAttributes.ACTOR_JURISDICTION, "the actor's jurisdiction");
        header(
                properties,
                "ce_" + CloudEventAttributes.PRODUCER_SEQUENCE,
                "its position in the producer's stream, 1-based");
        header(
                properties,
                "ce_" + CloudEventAttributes.TRACE_PARENT,
                "the W3C trace context of the request that caused it (Distributed Tracing extension)");
        header(properties, CloudEventAttributes.TRACE_PARENT, "the same trace context, for tracing consumers");
        headers.putArray("required")
                .add("ce_specversion")
                .add("ce_id")
                .add("ce_type")
                .add("ce_source");
        return JSON.objectNode().set("headers", headers);
    }

    private static void header(ObjectNode properties, String name, String description) {
        properties.putObject(name).put("type", "string").put("description", description);
    }

    private static String channelId(String topic) {
        String[] parts = topic.split("\\.");
        StringBuilder id = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            id.append(capitalised(parts[i]));
        }
        return id.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The document as committed: indented JSON, fields in insertion order, one newline at the end. */
    static String json(List<Class<?>> events) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(build(events))
                    + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the document to {@code args[0]} (scripts/asyncapi.sh, from the test classpath's event list). */
    static void write(Path to, List<Class<?>> events) throws IOException {
        Files.createDirectories(to.getParent());
        Files.writeString(to, json(events));
    }
}

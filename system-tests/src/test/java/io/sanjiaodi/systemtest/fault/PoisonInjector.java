package io.sanjiaodi.systemtest.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.platform.security.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces records onto the event topics that are not CloudEvents, with a plain producer, each
 * under a key of its own (so no real aggregate's later events are parked behind it): garbage bytes
 * without headers, a structured-mode record ({@code content-type: application/cloudevents+json})
 * whose JSON is not a CloudEvent, and a ~900 KB garbage value. Remembers where each landed, so the
 * dead letters can be compared with exactly these records.
 */
final class PoisonInjector {

    static final List<String> TOPICS = List.of("interview.events", "rectification.events");
    private static final int LARGE = 900 * 1024;

    /** Where one poison record landed. */
    record Poison(String topic, int partition, long offset, String kind) {
        String coordinates() {
            return topic + "/" + partition + "@" + offset;
        }
    }

    private final String bootstrap;
    private final Random random;
    private final List<Poison> injected = new ArrayList<>();

    PoisonInjector(String bootstrap, Random random) {
        this.bootstrap = bootstrap;
        this.random = random;
    }

    /** Garbage and a non-CloudEvent JSON onto both topics, and one large garbage value onto one of them. */
    List<Poison> inject() throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("max.request.size", Integer.toString(LARGE + 64 * 1024));
        List<Poison> round = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : TOPICS) {
                round.add(send(producer, new ProducerRecord<>(topic, key(), garbage(64)), "garbage"));
                ProducerRecord<String, byte[]> structured = new ProducerRecord<>(
                        topic, key(), "{\"hello\": \"not a CloudEvent\", \"id\": 7}".getBytes(StandardCharsets.UTF_8));
                structured
                        .headers()
                        .add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                round.add(send(producer, structured, "structured-json"));
            }
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            round.add(send(producer, new ProducerRecord<>(topic, key(), garbage(LARGE)), "large-garbage"));
        }
        synchronized (injected) {
            injected.addAll(round);
        }
        return round;
    }

    List<Poison> injected() {
        synchronized (injected) {
            return List.copyOf(injected);
        }
    }

    /**
     * Compares a service's dead letters ({@code GET /api/dead-letters}, as the administrator) with
     * the poison injected: every consumer group of {@code groups} must have parked each poison record
     * of the topics it reads exactly once, and nothing else may be parked (no good event, no outbox
     * letter). Returns the findings; counts the letters per group into {@code perGroup}.
     */
    List<String> checkDeadLetters(
            String serviceUrl, String service, Map<String, Set<String>> groups, Map<String, Integer> perGroup) {
        List<String> findings = new ArrayList<>();
        JsonNode letters = new Api().get(serviceUrl + "/api/dead-letters", TestTokens.token("admin"));
        if (letters == null) {
            findings.add(service + ": GET /api/dead-letters did not answer");
            return findings;
        }
        Map<String, Map<String, Integer>> parked = new TreeMap<>(); // group -> coordinates -> count
        for (JsonNode letter : letters) {
            String group = letter.path("group").asText();
            String at = letter.path("topic").asText() + "/"
                    + letter.path("partition").asText() + "@"
                    + letter.path("offset").asText();
            perGroup.merge(service + "/" + group, 1, Integer::sum);
            parked.computeIfAbsent(group, g -> new TreeMap<>()).merge(at, 1, Integer::sum);
        }
        groups.forEach((group, topics) -> {
            Set<String> expected = new TreeSet<>();
            injected().stream().filter(p -> topics.contains(p.topic())).forEach(p -> expected.add(p.coordinates()));
            Map<String, Integer> counts = parked.getOrDefault(group, Map.of());
            for (String at : expected) {
                int n = counts.getOrDefault(at, 0);
                if (n != 1) {
                    findings.add(service + ": group " + group + " parked poison " + at + " " + n + " times");
                }
            }
        });
        parked.forEach((group, counts) -> counts.keySet().stream()
                .filter(at -> !groups.containsKey(group)
                        || injected().stream()
                                .noneMatch(p -> p.coordinates().equals(at)
                                        && groups.get(group).contains(p.topic())))
                .forEach(at -> findings.add(service + ": group " + group + " parked " + at + ", which is no poison")));
        return findings;
    }

    private Poison send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record, String kind)
            throws Exception {
        RecordMetadata at = producer.send(record).get();
        return new Poison(at.topic(), at.partition(), at.offset(), kind);
    }

    private static String key() {
        return "poison-" + UUID.randomUUID();
    }

    private byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF; // never valid JSON or UTF-8 at the start
        return bytes;
    }
}

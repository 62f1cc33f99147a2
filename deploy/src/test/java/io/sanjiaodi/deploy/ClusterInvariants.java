package io.sanjiaodi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanjiaodi.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the stores and the broker must promise for "nothing acknowledged is ever lost": Kafka
 * replicated three times with two in sync (so acks=all means two copies), PostgreSQL committing
 * synchronously to a standby, MongoDB acknowledging on a majority, and the topics sized for the
 * instances that share them. Each method answers the findings, empty when all is well.
 */
final class ClusterInvariants {
    private ClusterInvariants() {}

    static List<String> kafka(Docs docs) {
        List<String> findings = new ArrayList<>();
        List<ObjectNode> clusters = docs.ofKind("Kafka");
        if (clusters.size() != 1) {
            return List.of("one Kafka cluster expected, found " + clusters.size());
        }
        JsonNode config = clusters.get(0).path("spec").path("kafka").path("config");
        expect(findings, config, "default.replication.factor", 3);
        expect(findings, config, "min.insync.replicas", 2);
        expect(findings, config, "offsets.topic.replication.factor", 3);
        expect(findings, config, "transaction.state.log.replication.factor", 3);
        expect(findings, config, "transaction.state.log.min.isr", 2);
        int brokers = docs.ofKind("KafkaNodePool").stream()
                .filter(pool -> pool.path("spec").path("roles").toString().contains("\"broker\""))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt())
                .sum();
        if (brokers < 3) {
            findings.add("the node pools have " + brokers + " brokers, at least 3 needed");
        }
        int defaultMinIsr = config.path("min.insync.replicas").asInt(1);
        for (ObjectNode topic : docs.ofKind("KafkaTopic")) {
            int replicas = topic.path("spec").path("replicas").asInt();
            int minIsr = topic.path("spec")
                    .path("config")
                    .path("min.insync.replicas")
                    .asInt(defaultMinIsr);
            if (replicas < 3 || minIsr < 2 || minIsr >= replicas) {
                findings.add("topic " + Docs.name(topic) + ": replicas " + replicas + ", min.insync.replicas " + minIsr
                        + " (3 and 2 wanted: two copies acknowledged, one broker may be lost)");
            }
        }
        return findings;
    }

    static List<String> topics(Docs docs) {
        List<String> findings = new ArrayList<>();
        Set<String> wanted = new TreeSet<>(Topics.ALL);
        wanted.add(Topics.STATEMENTS);
        Set<String> present = new TreeSet<>();
        int partitions = docs.servicePartitions();
        for (ObjectNode topic : docs.ofKind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(Docs.name(topic));
            present.add(name);
            int topicPartitions = topic.path("spec").path("partitions").asInt();
            if (topicPartitions != partitions) {
                findings.add("topic " + name + " has " + topicPartitions
                        + " partitions, the services' SANJIAODI_PARTITIONS says " + partitions);
            }
            if (!"-1"
                    .equals(topic.path("spec")
                            .path("config")
                            .path("retention.ms")
                            .asText())) {
                findings.add("topic " + name + " must keep its events for ever (retention.ms -1)");
            }
        }
        if (!present.equals(wanted)) {
            findings.add("topics " + present + ", the published language has " + wanted);
        }
        for (ObjectNode hpa : docs.ofKind("HorizontalPodAutoscaler")) {
            int max = hpa.path("spec").path("maxReplicas").asInt();
            if (max > partitions) {
                findings.add("autoscaler " + Docs.name(hpa) + " may run " + max + " instances, more than the "
                        + partitions + " partitions a consumer group can share");
            }
        }
        return findings;
    }

    static List<String> postgres(Docs docs) {
        List<String> findings = new ArrayList<>();
        for (ObjectNode cluster : docs.ofKind("Cluster")) {
            JsonNode spec = cluster.path("spec");
            if (spec.path("instances").asInt() < 3) {
                findings.add(
                        "PostgreSQL " + Docs.name(cluster) + ": " + spec.path("instances") + " instances, 3 wanted");
            }
            JsonNode sync = spec.path("postgresql").path("synchronous");
            if (sync.path("number").asInt() < 1
                    || !sync.path("dataDurability").asText().equals("required")) {
                findings.add(
                        "PostgreSQL " + Docs.name(cluster)
                                + ": commits must wait for a synchronous standby (synchronous.number >= 1, dataDurability required)");
            }
        }
        if (docs.ofKind("Cluster").isEmpty()) {
            findings.add("no PostgreSQL cluster");
        }
        return findings;
    }

    static List<String> mongo(Docs docs) {
        List<String> findings = new ArrayList<>();
        for (ObjectNode replicaSet : docs.ofKind("MongoDBCommunity")) {
            JsonNode spec = replicaSet.path("spec");
            if (spec.path("members").asInt() < 3) {
                findings.add("MongoDB " + Docs.name(replicaSet) + ": " + spec.path("members") + " members, 3 wanted");
            }
            JsonNode options = spec.path("additionalConnectionStringConfig");
            if (!options.path("w").asText().equals("majority")
                    || !options.path("journal").asBoolean()
                    || !options.path("readConcernLevel").asText().equals("majority")) {
                findings.add("MongoDB " + Docs.name(replicaSet)
                        + ": the connection strings must say w=majority, journal=true, readConcernLevel=majority");
            }
        }
        if (docs.ofKind("MongoDBCommunity").isEmpty()) {
            findings.add("no MongoDB replica set");
        }
        return findings;
    }

    private static void expect(List<String> findings, JsonNode config, String key, int value) {
        if (config.path(key).asInt(-1) != value) {
            findings.add("Kafka " + key + " is " + config.path(key) + ", " + value + " wanted");
        }
    }
}

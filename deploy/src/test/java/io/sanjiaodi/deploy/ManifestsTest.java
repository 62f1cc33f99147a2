package io.sanjiaodi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestsTest {
    static final Path K8S = Path.of("k8s");
    static final StrictModels MODELS = new StrictModels(K8S.resolve("schemas"));

    static Docs build(String overlay) {
        return new Docs(Kustomize.build(
                overlay.equals("base")
                        ? K8S.resolve("base")
                        : K8S.resolve("overlays").resolve(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "small", "large"})
    void everyResourceOfEveryOverlayReadsStrictlyIntoItsPublishedModelOrItsOperatorsSchema(String overlay) {
        Docs docs = build(overlay);
        assertThat(docs.all()).hasSizeGreaterThan(30);
        assertThat(docs.all().stream().flatMap(doc -> MODELS.problems(doc).stream()))
                .isEmpty();
        assertThat(MODELS.schemaKinds())
                .contains("postgresql.cnpg.io/v1/Cluster", "mongodbcommunity.mongodb.com/v1/MongoDBCommunity");
    }

    @Test
    void theStrictReadingRefusesAMisspeltFieldAWrongTypeAndAFieldTheOperatorDoesNotKnow() {
        Docs docs = build("base");
        assertThat(problemsAfter(docs, "Deployment", "interview-service", d -> with(d, "/spec", "replica", 2)))
                .singleElement()
                .asString()
                .contains("replica");
        assertThat(problemsAfter(docs, "Deployment", "interview-service", d -> {
                    ObjectNode env = (ObjectNode) d.at("/spec/template/spec/containers/0/env/0");
                    env.remove("valueFrom");
                    return env.put("value", 5432);
                }))
                .singleElement()
                .asString()
                .contains("value");
        assertThat(problemsAfter(docs, "KafkaTopic", "interview.events", d -> with(d, "/spec", "partition", 6)))
                .singleElement()
                .asString()
                .contains("partition");
        assertThat(problemsAfter(docs, "Cluster", "sanjiaodi-pg", d -> with(d, "/spec", "instance", 3)))
                .isNotEmpty();
        assertThat(problemsAfter(docs, "MongoDBCommunity", "sanjiaodi-mongo", d -> with(d, "/spec", "member", 3)))
                .isNotEmpty();
    }

    @Test
    void theOwnBuildOfEveryOverlayIsTheSameAsKubectlKustomize() throws Exception {
        assumeTrue(kubectlKustomize(K8S.resolve("base")) != null, "kubectl with kustomize is not on the path");
        for (String overlay : List.of("base", "small", "large")) {
            Path dir = overlay.equals("base")
                    ? K8S.resolve("base")
                    : K8S.resolve("overlays").resolve(overlay);
            assertThat(byIdentity(build(overlay).all())).as(overlay).isEqualTo(byIdentity(kubectlKustomize(dir)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "small", "large"})
    void theBrokerAndTheStoresAcknowledgeOnlyWhatSurvivesTheLossOfOneMember(String overlay) {
        Docs docs = build(overlay);
        assertThat(ClusterInvariants.kafka(docs)).isEmpty();
        assertThat(ClusterInvariants.topics(docs)).isEmpty();
        assertThat(ClusterInvariants.postgres(docs)).isEmpty();
        assertThat(ClusterInvariants.mongo(docs)).isEmpty();
    }

    @Test
    void aTopicWithOneReplicaAStoreThatAcknowledgesAloneOrTooFewPartitionsAreFound() {
        Docs docs = build("base");
        edit(docs, "KafkaTopic", "interview.events", d -> with(d, "/spec", "replicas", 1));
        edit(docs, "Kafka", "sanjiaodi", d -> with(d, "/spec/kafka/config", "min.insync.replicas", 1));
        edit(
                docs,
                "Cluster",
                "sanjiaodi-pg",
                d -> with(d, "/spec/postgresql/synchronous", "dataDurability", "preferred"));
        edit(
                docs,
                "MongoDBCommunity",
                "sanjiaodi-mongo",
                d -> with(d, "/spec/additionalConnectionStringConfig", "w", 1));
        edit(docs, "HorizontalPodAutoscaler", "interview-service", d -> with(d, "/spec", "maxReplicas", 7));
        assertThat(ClusterInvariants.kafka(docs))
                .anyMatch(f -> f.contains("interview.events"))
                .anyMatch(f -> f.contains("min.insync.replicas is 1"));
        assertThat(ClusterInvariants.postgres(docs)).singleElement().asString().contains("synchronous");
        assertThat(ClusterInvariants.mongo(docs)).singleElement().asString().contains("w=majority");
        assertThat(ClusterInvariants.topics(docs)).singleElement().asString().contains("7 instances");
    }

    @Test
    void theLargeCityHasTwelvePartitionsAndTheServicesKnowIt() {
        Docs small = build("small");
        Docs large = build("large");
        assertThat(small.servicePartitions()).isEqualTo(6);
        assertThat(large.servicePartitions()).isEqualTo(12);
        assertThat(large.ofKind("KafkaTopic"))
                .allMatch(t -> t.at("/spec/partitions").asInt() == 12);
        assertThat(large.one("StatefulSet", "audit-service")
                        .at("/spec/replicas")
                        .asInt())
                .isEqualTo(3);
        assertThat(large.one("HorizontalPodAutoscaler", "interview-service")
                        .at("/spec/maxReplicas")
                        .asInt())
                .isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "small", "large"})
    void everyInstanceHasProbesLimitsABudgetNoRootAndADenyAllPolicyAndEveryRouteReachesAService(String overlay) {
        Docs docs = build(overlay);
        assertThat(docs.workloads()).hasSize(5);
        assertThat(WorkloadInvariants.workloads(docs)).isEmpty();
        assertThat(WorkloadInvariants.routes(docs)).isEmpty();
        assertThat(WorkloadInvariants.networkPolicies(docs)).isEmpty();
    }

    @Test
    void aMissingProbeARootPodAnAutoscaledWriterAndARouteToNowhereAreFound() {
        Docs docs = build("base");
        edit(docs, "Deployment", "rectification-service", d -> {
            ((ObjectNode) d.at("/spec/template/spec/containers/0")).remove("readinessProbe");
            return with(d, "/spec/template/spec/securityContext", "runAsNonRoot", false);
        });
        ObjectNode hpa =
                docs.one("HorizontalPodAutoscaler", "interview-service").deepCopy();
        with(hpa, "/spec/scaleTargetRef", "name", "audit-service");
        docs.all().add(hpa);
        edit(docs, "HTTPRoute", "auth-server", d -> with(d, "/spec/rules/0/backendRefs/0", "port", 9999));
        assertThat(WorkloadInvariants.workloads(docs))
                .anyMatch(f -> f.contains("no readinessProbe"))
                .anyMatch(f -> f.contains("non-root"))
                .anyMatch(f -> f.contains("never autoscaled"));
        assertThat(WorkloadInvariants.routes(docs)).singleElement().asString().contains("auth-server:9999");
    }

    static List<String> problemsAfter(Docs docs, String kind, String name, Function<ObjectNode, ?> change) {
        ObjectNode doc = (ObjectNode) docs.one(kind, name).deepCopy();
        change.apply(doc);
        return MODELS.problems(doc);
    }

    static void edit(Docs docs, String kind, String name, Function<ObjectNode, ?> change) {
        change.apply((ObjectNode) docs.one(kind, name));
    }

    static ObjectNode with(ObjectNode doc, String at, String field, Object value) {
        ((ObjectNode) doc.at(at)).set(field, Kustomize.YAML.valueToTree(value));
        return doc;
    }

    private static Map<String, ObjectNode> byIdentity(List<ObjectNode> docs) {
        Map<String, ObjectNode> map = new TreeMap<>();
        docs.forEach(doc ->
                map.put(doc.path("apiVersion").asText() + "/" + doc.path("kind").asText() + "/" + Docs.name(doc), doc));
        return map;
    }

    /** kubectl's own build, or null without kubectl (or with one too old for these kustomizations). */
    private static List<ObjectNode> kubectlKustomize(Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return Kustomize.readAll(out);
        } catch (IOException noKubectl) {
            return null;
        } finally {
            Files.delete(out);
        }
    }
}

package io.sanjiaodi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What every instance of the application must have: probes, resource requests and a memory limit,
 * no root and no writable image, a disruption budget, an autoscaler where it can scale out; routes
 * and selectors that point at something; network policies that deny what they do not allow; and no
 * secret value anywhere in the files, only references to secrets that the operators or
 * create-secrets.sh make.
 */
final class WorkloadInvariants {
    /** The one workload that must not scale out: the audit log has one writer and standbys. */
    static final String ONE_WRITER = "audit-service";

    private static final Pattern SECRET_ENV = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL).*");

    private WorkloadInvariants() {}

    static List<String> workloads(Docs docs) {
        List<String> findings = new ArrayList<>();
        for (ObjectNode workload : docs.workloads()) {
            String name = Docs.name(workload);
            JsonNode pod = workload.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
                findings.add(name + ": the pod must run as non-root");
            }
            for (JsonNode container : pod.path("containers")) {
                String where = name + "/" + container.path("name").asText();
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    if (container.path(probe).isMissingNode()) {
                        findings.add(where + ": no " + probe);
                    }
                }
                JsonNode resources = container.path("resources");
                if (resources.path("requests").path("cpu").isMissingNode()
                        || resources.path("requests").path("memory").isMissingNode()
                        || resources.path("limits").path("memory").isMissingNode()) {
                    findings.add(where + ": needs cpu and memory requests and a memory limit");
                }
                JsonNode security = container.path("securityContext");
                if (!security.path("readOnlyRootFilesystem").asBoolean()
                        || security.path("allowPrivilegeEscalation").asBoolean(true)
                        || !security.path("capabilities")
                                .path("drop")
                                .toString()
                                .contains("\"ALL\"")) {
                    findings.add(where + ": needs a read-only root, no privilege escalation, all capabilities dropped");
                }
                for (JsonNode env : container.path("env")) {
                    if (env.has("value")
                            && SECRET_ENV.matcher(env.path("name").asText()).matches()) {
                        findings.add(
                                where + ": " + env.path("name").asText() + " is a literal; it must come from a secret");
                    }
                }
            }
            JsonNode labels = Docs.podLabels(workload);
            if (docs.ofKind("PodDisruptionBudget").stream()
                    .noneMatch(pdb -> Docs.selects(pdb.path("spec").path("selector"), labels))) {
                findings.add(name + ": no PodDisruptionBudget");
            }
            boolean scaled = docs.ofKind("HorizontalPodAutoscaler").stream()
                    .anyMatch(hpa -> hpa.path("spec")
                            .path("scaleTargetRef")
                            .path("name")
                            .asText()
                            .equals(name));
            if (workload.path("kind").asText().equals("Deployment") && !scaled) {
                findings.add(name + ": a Deployment scales out, it needs a HorizontalPodAutoscaler");
            }
            if (name.equals(ONE_WRITER) && scaled) {
                findings.add(name + ": one writer with standbys, never autoscaled");
            }
        }
        return findings;
    }

    static List<String> routes(Docs docs) {
        List<String> findings = new ArrayList<>();
        for (ObjectNode service : docs.ofKind("Service")) {
            ObjectNode selector = Kustomize.YAML.createObjectNode();
            selector.set("matchLabels", service.path("spec").path("selector"));
            if (docs.workloads().stream().noneMatch(w -> Docs.selects(selector, Docs.podLabels(w)))) {
                findings.add("Service " + Docs.name(service) + " selects no workload");
            }
        }
        for (ObjectNode route : docs.ofKind("HTTPRoute")) {
            for (JsonNode backend : route.path("spec").path("rules").findValues("backendRefs")) {
                for (JsonNode ref : backend) {
                    JsonNode service = docs.one("Service", ref.path("name").asText());
                    if (!service.path("spec")
                            .path("ports")
                            .findValuesAsText("port")
                            .contains(ref.path("port").asText())) {
                        findings.add("HTTPRoute " + Docs.name(route) + " sends to "
                                + ref.path("name").asText() + ":"
                                + ref.path("port").asText() + ", which no Service offers");
                    }
                }
            }
        }
        return findings;
    }

    static List<String> networkPolicies(Docs docs) {
        List<String> findings = new ArrayList<>();
        List<ObjectNode> denyAll = docs.ofKind("NetworkPolicy").stream()
                .filter(p -> p.path("spec").path("ingress").isMissingNode()
                        && p.path("spec").path("egress").isMissingNode()
                        && p.path("spec").path("policyTypes").toString().contains("Ingress")
                        && p.path("spec").path("policyTypes").toString().contains("Egress"))
                .toList();
        for (ObjectNode workload : docs.workloads()) {
            if (denyAll.stream()
                    .noneMatch(p -> Docs.selects(p.path("spec").path("podSelector"), Docs.podLabels(workload)))) {
                findings.add(Docs.name(workload) + ": no deny-all NetworkPolicy covers it");
            }
        }
        return findings;
    }

    /** Every secret a resource names is made by an operator of these files or by create-secrets.sh. */
    static List<String> secretReferences(Docs docs, Set<String> madeByScript) {
        Set<String> made = new TreeSet<>(madeByScript);
        docs.ofKind("KafkaUser").forEach(user -> made.add(Docs.name(user)));
        docs.ofKind("Kafka").forEach(kafka -> made.add(Docs.name(kafka) + "-cluster-ca-cert"));
        docs.ofKind("Cluster").forEach(pg -> made.add(Docs.name(pg) + "-app"));
        docs.ofKind("MongoDBCommunity")
                .forEach(mongo -> mongo.path("spec")
                        .path("users")
                        .forEach(user ->
                                made.add(user.path("connectionStringSecretName").asText())));
        List<String> findings = new ArrayList<>();
        for (ObjectNode doc : docs.all()) {
            if (doc.path("kind").asText().equals("Secret")) {
                findings.add("Secret " + Docs.name(doc) + " is in the files; secrets are made by create-secrets.sh");
            }
            Set<String> named = new TreeSet<>(doc.findValuesAsText("secretName"));
            for (String holder : List.of("secretKeyRef", "passwordSecretRef", "accessKeyId", "secretAccessKey")) {
                doc.findValues(holder).forEach(ref -> named.add(ref.path("name").asText()));
            }
            doc.findValues("certificateRefs")
                    .forEach(refs ->
                            refs.forEach(ref -> named.add(ref.path("name").asText())));
            named.stream()
                    .filter(secret -> !made.contains(secret))
                    .forEach(secret -> findings.add(doc.path("kind").asText() + " " + Docs.name(doc)
                            + " reads the secret " + secret + ", which nothing makes"));
        }
        return findings;
    }
}

package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.verify.OfflineVerifier;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SealedSource;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.interview.command.interview.ListsHash;
import io.sanjiaodi.interview.sources.SourceCommitment;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The attack of issue #16 against the running system: for random interviews with a planted
 * low-entropy source ({@code 实名举报，信访件 2018-0NN}), everything a unit-side user can GET (every
 * endpoint the README's table allows the role, exports as CSV and as workbook) is collected; neither
 * the source nor any hash of it nor the lists hash with the true source substituted (the guess test)
 * is in it, yet the unit recomputes the published lists hash from what it got. The topic and the
 * audit trail carry the ciphertext, never the source; erasing the sources leaves every proof valid.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfidentialSourceSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("sources_");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> UNIT_SIDE = List.of("unit-leader", "unit-staff", "stationed");
    private static final Map<String, String> ROLE_OF =
            Map.of("unit-leader", "UNIT_LEADER", "unit-staff", "UNIT_STAFF", "stationed", "SUPERVISING_BODY");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32,}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{20,}={0,2}");

    private static RunningSystem system;
    private static final long SEED = System.nanoTime();
    /** interview id → the true sources planted in it, in problem order (null: a problem without one). */
    private static final Map<String, List<ConfidentialSource>> PLANTED = new LinkedHashMap<>();

    @BeforeAll
    static void randomInterviewsWithPlantedSources() {
        system = LOCAL.services();
        Random random = new Random(SEED);
        Set<Integer> used = new LinkedHashSet<>();
        for (int i = 0; i < 3; i++) {
            List<ConfidentialSource> sources = new ArrayList<>();
            int problems = 1 + random.nextInt(3);
            for (int p = 0; p < problems; p++) {
                int n;
                do {
                    n = random.nextInt(100);
                } while (!used.add(n));
                sources.add(p == 1 ? null : new ConfidentialSource("实名举报", "信访件 2018-0%02d".formatted(n)));
            }
            PLANTED.put(conducted(sources, random), sources);
        }
        // the ledgers and the supervision models have followed every talk
        for (String interview : PLANTED.keySet()) {
            await().atMost(SystemProbe.WITHIN)
                    .until(() -> Http.as("office")
                                    .get(url(Service.AUDIT, "/api/supervision/ledgers/ledger-" + interview))
                                    .status()
                            == 200);
        }
    }

    private static String conducted(List<ConfidentialSource> sources, Random random) {
        Http office = Http.as("office");
        Http.Response created = office.post(url(Service.INTERVIEW, "/api/interviews"), """
                {"interviewee": {"name": "张某", "position": "党委书记", "unitId": "nb-transport", "unitName": "市交通局",
                                 "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2018-10-20"},
                 "plannedDate": "2018-11-15", "place": "市纪委谈话室", "leadInterviewerId": "nb-secretary"}
                """);
        assertThat(created.status()).as("schedule %s", created.body()).isEqualTo(201);
        String id = created.body().get("id").asText();
        String base = url(Service.INTERVIEW, "/api/interviews/" + id);
        assertThat(office.post(base + "/responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"专题研究党风廉政建设\"}")
                        .status())
                .isEqualTo(201);
        String[] aspects = {"工程建设", "作风建设", "财务管理", "选人用人"};
        for (ConfidentialSource source : sources) {
            String sourceJson = source == null
                    ? ""
                    : ", \"confidentialSource\": {\"details\": \"%s\", \"reference\": \"%s\"}"
                            .formatted(source.details(), source.reference());
            Http.Response added = office.post(base + "/problems", """
                    {"aspect": "%s", "description": "问题%d", "sourceChannel": "PETITION_REPORT"%s}""".formatted(
                            aspects[random.nextInt(aspects.length)], random.nextInt(1000), sourceJson));
            assertThat(added.status()).as("problem %s", added.body()).isEqualTo(201);
        }
        assertThat(office.post(
                                base + "/risks",
                                "{\"businessArea\": \"工程建设\", \"description\": \"拆分工程\", \"level\": \"HIGH\"}")
                        .status())
                .isEqualTo(201);
        Http.Response conducted = office.post(base + "/conduct", """
                {"conductedOn": "2018-11-15", "place": "市纪委谈话室", "leadInterviewerId": "nb-secretary",
                 "handedOverById": "nb-office-1-director", "recordSummary": "通报三张清单",
                 "recordSignature": {"signedBy": "张某", "signedAt": "2018-11-15T02:30:00Z"},
                 "commitmentSignature": {"signedBy": "张某", "signedAt": "2018-11-15T02:31:00Z"}}""");
        assertThat(conducted.status()).as("conduct %s", conducted.body()).isEqualTo(200);
        await().atMost(SystemProbe.WITHIN)
                .until(() -> "CONDUCTED"
                        .equals(office.get(base).body().path("status").asText()));
        return id;
    }

    @Test
    @Order(1)
    void nothingAUnitSideUserReceivesRevealsOrConfirmsAPlantedSource() throws Exception {
        for (String user : UNIT_SIDE) {
            String received = everythingReceivedBy(user);
            Set<String> tokens = tokens(received);
            for (var planted : PLANTED.entrySet()) {
                JsonNode view = JSON.readTree(get(Service.INTERVIEW, "/api/interviews/" + planted.getKey(), user));
                for (ConfidentialSource source : planted.getValue()) {
                    if (source == null) {
                        continue;
                    }
                    assertThat(received)
                            .as("seed %d: %s's answers", SEED, user)
                            .doesNotContain(
                                    source.reference(), source.reference().substring(4));
                    assertThat(tokens)
                            .as("seed %d: a hash of the source in what %s received", SEED, user)
                            .doesNotContainAnyElementsOf(digestsOf(source));
                }
                // the guess test of version 1: the lists with the true sources put back, hashed
                String guessed = ListsHash.v1(listsFrom(view, planted.getValue()));
                assertThat(tokens).as("seed %d: the v1 guess test", SEED).doesNotContain(guessed);
                String published = view.at("/conduct/listsHash").asText();
                assertThat(guessed).isNotEqualTo(published);
                // and yet the unit proves the lists it was handed with nothing but its own view
                assertThat(view.at("/conduct/listsHashVersion").asInt()).isEqualTo(2);
                assertThat(ListsHash.of(listsFrom(view, null), 2))
                        .as("seed %d: the hash %s recomputes", SEED, user)
                        .isEqualTo(published);
            }
        }
    }

    @Test
    @Order(2)
    void theTopicAndTheAuditTrailCarryTheCiphertextAndNeverTheSource() throws Exception {
        for (var planted : PLANTED.entrySet()) {
            String interview = planted.getKey();
            JsonNode entries =
                    JSON.readTree(get(Service.AUDIT, "/api/audit/events?size=500&aggregateId=" + interview, "auditor"));
            String trail = entries.toString();
            List<String> ciphertexts = entries.findValuesAsText("ciphertext");
            long sourced = planted.getValue().stream().filter(s -> s != null).count();
            assertThat(ciphertexts).hasSizeGreaterThanOrEqualTo((int) sourced * 2); // added and conducted
            assertThat(trail).contains("sealedSource").doesNotContain("\"confidentialSource\":{");
            int interviewEvents = (int) java.util.stream.StreamSupport.stream(entries.spliterator(), false)
                    .filter(e -> e.path("topic").asText().equals("interview.events"))
                    .count();
            StringBuilder topic = new StringBuilder();
            LOCAL.kafka()
                    .recordsOf("interview.events", interview, interviewEvents)
                    .forEach(r -> topic.append(new String(r.value(), StandardCharsets.UTF_8))
                            .append('\n'));
            for (ConfidentialSource source : planted.getValue()) {
                if (source != null) {
                    assertThat(trail).doesNotContain(source.reference());
                    assertThat(topic.toString()).doesNotContain(source.reference());
                }
            }
            assertThat(topic.toString()).contains(ciphertexts);
        }
    }

    @Test
    @Order(3)
    void erasingTheSourcesShredsThemWhileEveryProofStillVerifies() throws Exception {
        String interview = PLANTED.keySet().iterator().next();
        ConfidentialSource first = PLANTED.get(interview).get(0);
        String base = url(Service.INTERVIEW, "/api/interviews/" + interview);
        assertThat(get(Service.INTERVIEW, "/api/interviews/" + interview, "office"))
                .contains(first.reference());
        assertThat(Http.as("office")
                        .post(base + "/confidential-sources/erasure", "{\"reason\": \"x\"}")
                        .status())
                .isEqualTo(403);

        Http.Response erased =
                Http.as("admin").post(base + "/confidential-sources/erasure", "{\"reason\": \"举报人依法申请删除\"}");
        assertThat(erased.status()).as("erasure %s", erased.body()).isEqualTo(200);

        MongoTemplate keys = system.context(Service.INTERVIEW).getBean(MongoTemplate.class);
        await().atMost(SystemProbe.WITHIN).untilAsserted(() -> {
            Document key = keys.findById(interview, Document.class, "source_data_keys");
            assertThat(key).isNotNull();
            assertThat(key.get("wrappedKey")).as("the data key").isNull();
            assertThat(key.get("erasedAt")).isNotNull();
        });
        JsonNode view = JSON.readTree(get(Service.INTERVIEW, "/api/interviews/" + interview, "office"));
        assertThat(view.at("/problems/0/sourceErased").asBoolean()).isTrue();
        assertThat(view.at("/problems/0/confidentialSource").isMissingNode()).isTrue();
        assertThat(view.toString()).doesNotContain(first.reference());
        assertThat(get(Service.INTERVIEW, "/api/interviews/" + interview + "/history", "auditor"))
                .doesNotContain(first.reference())
                .contains("sourceErased");
        Http.Response again = Http.as("admin").post(base + "/confidential-sources/erasure", "{\"reason\": \"再次\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("SOURCES_ALREADY_ERASED");
        // the published hash still proves the lists: it never held the source
        assertThat(ListsHash.of(listsFrom(view, null), 2))
                .isEqualTo(view.at("/conduct/listsHash").asText());

        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(
                        () -> assertThat(get(Service.AUDIT, "/api/audit/events?aggregateId=" + interview, "auditor"))
                                .contains("ConfidentialSourcesErased"));
        Thread.sleep(3000); // a checkpoint covering the erasure is signed
        Http.Response verified = Http.as("auditor").post(url(Service.AUDIT, "/api/audit/verify"), "{}");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("ok").asBoolean())
                .as("verify %s", verified.body())
                .isTrue();

        JsonNode entries =
                JSON.readTree(get(Service.AUDIT, "/api/audit/events?size=500&aggregateId=" + interview, "auditor"));
        String added = null;
        for (JsonNode e : entries) {
            if (e.path("type").asText().equals("ProblemItemAdded")) {
                added = e.get("eventId").asText();
                break;
            }
        }
        assertThat(added).isNotNull();
        String proof = get(Service.AUDIT, "/api/audit/proofs/inclusion?eventId=" + added, "auditor");
        Path dir = Files.createTempDirectory("sources-proof");
        Files.writeString(dir.resolve("proof.json"), proof);
        Files.writeString(dir.resolve("key.pem"), get(Service.AUDIT, "/api/audit/public-key", "auditor"));
        var out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(
                new String[] {
                    "inclusion",
                    "--key",
                    dir.resolve("key.pem").toString(),
                    "--proof",
                    dir.resolve("proof.json").toString()
                },
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(proof).contains("ciphertext").doesNotContain(first.reference());
    }

    // ---- what a unit-side user receives

    /** Every GET the README's table allows the user's role, on every planted interview and its ledger. */
    private static String everythingReceivedBy(String user) throws Exception {
        String role = ROLE_OF.get(user);
        StringBuilder all = new StringBuilder();
        int calls = 0;
        for (AccessSystemTest.Row row : AccessSystemTest.readme()) {
            String cell = row.cells().get(role);
            if (!row.method().equals("GET")
                    || cell.startsWith("✗")
                    || row.path().endsWith("/stream")) {
                continue;
            }
            for (String interview : PLANTED.keySet()) {
                for (String path : paths(row.path(), interview)) {
                    Service service = switch (row.service()) {
                        case "interview" -> Service.INTERVIEW;
                        case "rectification" -> Service.RECTIFICATION;
                        default -> Service.AUDIT;
                    };
                    all.append(get(service, path, user)).append('\n');
                    calls++;
                }
            }
        }
        assertThat(calls).as("GETs of %s", user).isGreaterThan(40);
        assertThat(all.toString())
                .as("what %s received holds the interviews", user)
                .contains(PLANTED.keySet());
        return all.toString();
    }

    private static List<String> paths(String template, String interview) {
        String ledger = "ledger-" + interview;
        String path = template.replace("{interviewId}", interview)
                .replace("{ledgerId}", ledger)
                .replace("{aggregateId}", interview)
                .replace("{treeSize}", "1")
                .replace("{taskId}", "task-none")
                .replace("{evidenceId}", "ev-none")
                .replace("{eventId}", "ev-none")
                .replace("{path}", "0/000.p/1");
        if (path.contains("{table}")) {
            List<String> exports = new ArrayList<>();
            for (String table : List.of("ledgers", "overdue", "evaluation")) {
                for (String format : List.of("csv", "xlsx")) {
                    exports.add(path.replace("{table}", table).replace("{format}", format) + "?year=2018");
                }
            }
            return exports;
        }
        return switch (template) {
            case "/api/interviews" -> List.of(path + "?size=200", path + "?unitId=nb-transport&status=CONDUCTED");
            case "/api/supervision/evaluation" -> List.of(path + "?year=2018");
            default -> List.of(path);
        };
    }

    /** The body as text; a workbook (a zip) as the text of its parts, so a compressed secret shows too. */
    private static String get(Service service, String path, String user) throws Exception {
        HttpResponse<byte[]> answer = CLIENT.send(
                HttpRequest.newBuilder(URI.create(url(service, path)))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", TestTokens.bearer(TestTokens.token(user)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = answer.body();
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
            StringBuilder parts = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                while (zip.getNextEntry() != null) {
                    parts.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return parts.toString();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            return JSON.readTree(text).toString(); // \\u escapes decoded
        } catch (Exception notJson) {
            return text;
        }
    }

    private static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (Pattern pattern : List.of(HEX, BASE64)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                tokens.add(m.group());
                tokens.add(m.group().toLowerCase());
            }
        }
        return tokens;
    }

    /** SHA-256, as hex and as base64, of every plausible encoding of a source. */
    private static Set<String> digestsOf(ConfidentialSource s) throws Exception {
        List<String> encodings = List.of(
                s.details(),
                s.reference(),
                s.details() + s.reference(),
                s.details() + "，" + s.reference(),
                s.details() + "|" + s.reference(),
                s.details() + "\n" + s.reference(),
                "{\"details\":\"" + s.details() + "\",\"reference\":\"" + s.reference() + "\"}",
                field(s.details()) + field(s.reference()));
        Set<String> digests = new LinkedHashSet<>();
        for (String encoding : encodings) {
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(encoding.getBytes(charset));
                digests.add(HexFormat.of().formatHex(sha));
                digests.add(Base64.getEncoder().encodeToString(sha));
                digests.add(Base64.getUrlEncoder().withoutPadding().encodeToString(sha));
                digests.add(Base64.getEncoder().withoutPadding().encodeToString(sha));
            }
        }
        // the commitment scheme itself without its secret salt: what a unit would try first
        digests.add(SourceCommitment.of("", s));
        digests.add(SourceCommitment.of(null, s));
        return digests;
    }

    private static String field(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }

    /**
     * The frozen lists from a view a reader got; with {@code truth}, each problem's source put back in
     * clear (the guess of version 1), without it each problem's commitment (version 2).
     */
    static FrozenLists listsFrom(JsonNode view, List<ConfidentialSource> truth) {
        List<ResponsibilityItem> duties = new ArrayList<>();
        view.get("responsibilities")
                .forEach(r -> duties.add(new ResponsibilityItem(
                        text(r, "itemId"),
                        ResponsibilityKind.valueOf(text(r, "kind")),
                        text(r, "text"),
                        text(r, "templateId"))));
        List<ProblemItem> problems = new ArrayList<>();
        JsonNode shown = view.get("problems");
        for (int i = 0; i < shown.size(); i++) {
            JsonNode p = shown.get(i);
            String commitment = text(p, "sourceCommitment");
            problems.add(new ProblemItem(
                    text(p, "itemId"),
                    text(p, "aspect"),
                    text(p, "description"),
                    SourceChannel.valueOf(text(p, "sourceChannel")),
                    truth == null ? null : truth.get(i),
                    truth != null || commitment == null ? null : new SealedSource(commitment, null)));
        }
        List<RiskItem> risks = new ArrayList<>();
        view.get("risks")
                .forEach(k -> risks.add(new RiskItem(
                        text(k, "itemId"),
                        text(k, "businessArea"),
                        text(k, "description"),
                        text(k, "typicalCases"),
                        text(k, "preventionExpectations"),
                        RiskLevel.valueOf(text(k, "level")))));
        return new FrozenLists(view.get("listVersion").asInt(), duties, problems, risks);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String url(Service service, String path) {
        return system.url(service) + path;
    }
}

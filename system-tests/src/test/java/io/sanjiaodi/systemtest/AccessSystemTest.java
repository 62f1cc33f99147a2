package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.platform.security.Role;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security contract against the running services: the root README's access table, cell by cell (parsed
 * from the README, so the specification and this test cannot drift); then cross-unit and
 * cross-jurisdiction attempts, bad tokens, fishing for confidential sources, and the actor on the
 * record (CloudEvents headers on Kafka, the audit entry, the security events).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("access_");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of(
            "LEADERSHIP", "SUPERVISION_OFFICE", "SUPERVISING_BODY", "UNIT_LEADER", "UNIT_STAFF", "AUDITOR", "ADMIN");
    /** The contract's demo user who holds each role (all of them in ningbo, all in scope of nb-transport). */
    private static final Map<String, String> USER_OF_ROLE = Map.of(
            "LEADERSHIP",
            "leader",
            "SUPERVISION_OFFICE",
            "office",
            "SUPERVISING_BODY",
            "stationed",
            "UNIT_LEADER",
            "unit-leader",
            "UNIT_STAFF",
            "unit-staff",
            "AUDITOR",
            "auditor",
            "ADMIN",
            "admin");

    private static final String SECRET = "举报人李某某";
    /** The codes a ✗ cell may answer: the endpoint's rule (ACCESS_DENIED) or the ledger's (ROLE_NOT_ALLOWED). */
    private static final Set<String> DENIAL_CODES = Set.of("ACCESS_DENIED", "ROLE_NOT_ALLOWED");

    private static final Set<String> ACCESS_CODES =
            Set.of("ACCESS_DENIED", "ROLE_NOT_ALLOWED", "OUT_OF_SCOPE", "AUTHENTICATION_REQUIRED", "TOKEN_INVALID");
    /** The cells that allow within a scope; a user of the role outside it must be refused or filtered. */
    private static final Set<String> SCOPED = Set.of("J", "S", "U", "U⁺");
    /**
     * For each role, a user whose scope does not hold nb-transport (the unit of the test's interview):
     * another district, a body supervising another unit, another unit.
     */
    private static final Map<String, Supplier<String>> OUT_OF_SCOPE_TOKEN = Map.of(
            "LEADERSHIP", () -> TestTokens.token("leader-fenghua", Role.LEADERSHIP, "fenghua", null, List.of()),
            "SUPERVISION_OFFICE", () -> TestTokens.token("office-fenghua"),
            "SUPERVISING_BODY",
                    () -> TestTokens.token("stationed-coop", Role.SUPERVISING_BODY, "ningbo", null, List.of("nb-coop")),
            "UNIT_LEADER",
                    () -> TestTokens.token("leader-of-nb-coop", Role.UNIT_LEADER, "ningbo", "nb-coop", List.of()),
            "UNIT_STAFF", () -> TestTokens.token("staff-of-nb-coop", Role.UNIT_STAFF, "ningbo", "nb-coop", List.of()),
            "AUDITOR", () -> TestTokens.token("auditor-fenghua", Role.AUDITOR, "fenghua", null, List.of()));
    /** Reads whose answer must show the test's records to a user in scope (filters that over-filter fail). */
    private static final Map<String, Supplier<String>> IN_SCOPE_READS = Map.of(
            "/api/interviews", () -> AccessSystemTest.interview,
            "/api/interviews/{interviewId}", () -> AccessSystemTest.interview,
            "/api/ledgers", () -> AccessSystemTest.ledger,
            "/api/ledgers/{ledgerId}", () -> AccessSystemTest.ledger,
            "/api/supervision/ledgers", () -> AccessSystemTest.ledger,
            "/api/supervision/ledgers/{ledgerId}", () -> AccessSystemTest.ledger,
            "/api/supervision/interviews", () -> AccessSystemTest.interview);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Http HTTP = new Http();
    private static RunningSystem system;
    /** nb-transport's interview (with a confidential problem source) and ledger; nb-coop's interview. */
    private static String interview;

    private static String ledger;
    private static String task;
    private static String problemItem;
    private static String otherInterview;
    /** fenghua's interview (office-fenghua's scope), and the audit entry of nb-transport's scheduling. */
    private static String fenghuaInterview;

    private static String auditEvent;

    record Row(String service, String method, String path, Map<String, String> cells) {}

    @BeforeAll
    static void data() {
        system = LOCAL.services();
        interview = conducted("nb-transport", "市交通局", "ningbo");
        otherInterview = conducted("nb-coop", "市支援合作局", "ningbo");
        ledger = "ledger-" + interview;
        JsonNode view = await().atMost(SystemProbe.WITHIN)
                .until(
                        () -> Http.as("office").get(url(Service.RECTIFICATION, "/api/ledgers/" + ledger)),
                        r -> r.status() == 200)
                .body();
        task = view.get("tasks").get(0).get("taskId").asText();
        problemItem = Http.as("office")
                .get(url(Service.INTERVIEW, "/api/interviews/" + interview))
                .body()
                .get("problems")
                .get(0)
                .get("itemId")
                .asText();
        await().atMost(SystemProbe.WITHIN)
                .until(() -> Http.as("office")
                                .get(url(Service.RECTIFICATION, "/api/ledgers/ledger-" + otherInterview))
                                .status()
                        == 200);
        Http.Response fenghua = Http.as("office-fenghua").post(url(Service.INTERVIEW, "/api/interviews"), """
                {"interviewee": {"name": "黄某", "position": "党组书记、主席", "unitId": "fh-womens-federation",
                                 "unitName": "奉化区妇联", "jurisdictionId": "fenghua", "cadreLevel": "COUNTY_MANAGED",
                                 "appointmentDate": "2019-03-01"},
                 "plannedDate": "2019-03-20", "place": "奉化区纪委监委谈话室", "leadInterviewerId": "fh-secretary"}
                """);
        assertThat(fenghua.status())
                .as("schedule in fenghua %s", fenghua.body())
                .isEqualTo(201);
        fenghuaInterview = fenghua.body().get("id").asText();
        auditEvent = firstAuditEvent(interview);
        firstAuditEvent(fenghuaInterview);
    }

    /** The id of the aggregate's first audit entry, once the trail holds it and a checkpoint covers it. */
    private static String firstAuditEvent(String aggregateId) {
        String id = await().atMost(SystemProbe.WITHIN)
                .until(
                        () -> Http.as("auditor")
                                .get(url(Service.AUDIT, "/api/audit/events?aggregateId=" + aggregateId))
                                .body()
                                .path(0)
                                .path("eventId")
                                .asText(""),
                        eventId -> !eventId.isEmpty());
        await().atMost(SystemProbe.WITHIN)
                .until(() -> Http.as("auditor")
                                .get(url(Service.AUDIT, "/api/audit/proofs/inclusion?eventId=" + id))
                                .status()
                        == 200);
        return id;
    }

    private static String conducted(String unitId, String unitName, String jurisdictionId) {
        Http office = Http.as("office");
        Http.Response created =
                office.post(url(Service.INTERVIEW, "/api/interviews"), """
                {"interviewee": {"name": "张某", "position": "党委书记", "unitId": "%s", "unitName": "%s",
                                 "jurisdictionId": "%s", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2018-10-20"},
                 "plannedDate": "2018-11-15", "place": "市纪委谈话室", "leadInterviewerId": "nb-secretary"}
                """.formatted(unitId, unitName, jurisdictionId));
        assertThat(created.status()).as("schedule %s", created.body()).isEqualTo(201);
        String id = created.body().get("id").asText();
        String base = url(Service.INTERVIEW, "/api/interviews/" + id);
        assertThat(office.post(base + "/responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"专题研究党风廉政建设\"}")
                        .status())
                .isEqualTo(201);
        assertThat(office.post(base + "/problems", """
                {"aspect": "作风建设", "description": "公车私用", "sourceChannel": "PETITION_REPORT",
                 "confidentialSource": {"details": "%s实名举报", "reference": "信访-2018-0917"}}""".formatted(SECRET)).status())
                .isEqualTo(201);
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
        return id;
    }

    // ---- the table

    static List<Row> readme() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md"))
                || !Files.readString(dir.resolve("README.md")).contains("access-matrix:start")) {
            dir = dir.getParent();
        }
        String text = Files.readString(dir.resolve("README.md"));
        String table = text.substring(
                text.indexOf("<!-- access-matrix:start -->"), text.indexOf("<!-- access-matrix:end -->"));
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : table.split("\n")) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = Arrays.stream(
                            line.substring(1, line.length() - 1).split("\\|"))
                    .map(String::strip)
                    .toList();
            if (header == null) {
                header = cells;
                assertThat(header.subList(3, header.size())).isEqualTo(ROLES);
                continue;
            }
            Map<String, String> byRole = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                byRole.put(ROLES.get(i), cells.get(3 + i));
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2).replace("`", ""), byRole));
        }
        return rows;
    }

    private static boolean denied(String cell) {
        return cell.startsWith("✗");
    }

    @Test
    @Order(1)
    void theTableNamesEveryEndpointOfEveryService() throws Exception {
        Map<String, Set<String>> specified = new LinkedHashMap<>();
        for (Row row : readme()) {
            specified.computeIfAbsent(row.service(), s -> new TreeSet<>()).add(row.method() + " " + row.path());
        }
        for (Service service : Service.values()) {
            Set<String> documented = new TreeSet<>();
            JsonNode paths = Http.anonymous()
                    .get(system.url(service) + "/v3/api-docs")
                    .body()
                    .path("paths");
            paths.fields()
                    .forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                        if (p.getKey().startsWith("/api/")) {
                            documented.add(m.toUpperCase() + " " + p.getKey());
                        }
                    }));
            assertThat(specified.get(key(service)))
                    .as("README rows of %s", service)
                    .isEqualTo(documented);
        }
        assertThat(specified.values().stream().mapToInt(Set::size).sum()).isGreaterThan(80);
    }

    @Test
    @Order(2)
    void everyRoleIsDeniedExactlyWhereTheTableSaysAndADenialChangesNothing() throws Exception {
        List<Row> rows = readme();
        long before = settledBusinessEvents();
        long securityBefore = securityEvents();
        JsonNode interviewBefore = Http.as("office")
                .get(url(Service.INTERVIEW, "/api/interviews/" + interview))
                .body();
        JsonNode ledgerBefore = Http.as("office")
                .get(url(Service.RECTIFICATION, "/api/ledgers/" + ledger))
                .body();
        List<String> wrong = new ArrayList<>();
        int deniedCount = 0;
        int refusalsRecordedByTheLedger = 0;
        for (Row row : rows) {
            for (String role : ROLES) {
                String cell = row.cells().get(role);
                if (!denied(cell)) {
                    continue;
                }
                Answer answer = call(row, TestTokens.token(USER_OF_ROLE.get(role)));
                deniedCount++;
                if (cell.contains("ᴿ")) {
                    refusalsRecordedByTheLedger++;
                }
                Set<String> expected = cell.contains("ᴿ") ? Set.of("UNIT_CANNOT_CLOSE_OWN_TASK") : DENIAL_CODES;
                if (answer.status() != 403 || !expected.contains(answer.code())) {
                    wrong.add(role + " " + row.method() + " " + row.path() + " -> " + answer.status() + " "
                            + answer.body());
                }
            }
        }
        assertThat(wrong)
                .as("cells marked ✗ that were not answered 403 with the code of a denial")
                .isEmpty();
        assertThat(deniedCount).isGreaterThan(300);
        int denials = deniedCount;
        await().atMost(SystemProbe.WITHIN)
                .untilAsserted(() -> assertThat(securityEvents() - securityBefore)
                        .as("AccessDenied entries in the trail")
                        .isGreaterThanOrEqualTo(denials));
        Thread.sleep(2000);
        // the only business records the denials may leave are the ledger's own TaskClosureRefused
        assertThat(businessEvents() - before).isEqualTo(refusalsRecordedByTheLedger);
        assertThat(Http.as("office")
                        .get(url(Service.INTERVIEW, "/api/interviews/" + interview))
                        .body())
                .isEqualTo(interviewBefore);
        JsonNode ledgerAfter = Http.as("office")
                .get(url(Service.RECTIFICATION, "/api/ledgers/" + ledger))
                .body();
        assertThat(ledgerAfter.get("tasks")).isEqualTo(ledgerBefore.get("tasks"));
        assertThat(ledgerAfter.get("regulations")).isEqualTo(ledgerBefore.get("regulations"));
    }

    @Test
    @Order(3)
    void everyRoleReachesEveryEndpointTheTableAllowsItAndSeesTheRecordsInItsScope() throws Exception {
        List<String> wrong = new ArrayList<>();
        int allowed = 0;
        for (Row row : readme()) {
            for (String role : ROLES) {
                String cell = row.cells().get(role);
                if (denied(cell)) {
                    continue;
                }
                Answer answer = call(row, cell.equals("open") ? null : TestTokens.token(USER_OF_ROLE.get(role)));
                allowed++;
                String problem = allowedAnswerProblem(row, answer);
                if (problem != null) {
                    wrong.add(role + " " + row.method() + " " + row.path() + " -> " + answer.status() + " " + problem
                            + " " + abbreviate(answer.body()));
                }
            }
        }
        assertThat(wrong)
                .as("cells the table allows that were refused or answered wrongly")
                .isEmpty();
        assertThat(allowed).isGreaterThan(150);
    }

    /**
     * The scope letters (J, S, U, U⁺) against a user of the same role whose scope does NOT hold
     * nb-transport: a direct read of its interview or ledger is 403 OUT_OF_SCOPE, and a list, query
     * or export leaves its records out. Reads only: a write with the probe's empty body is refused by
     * validation before scope, so writes across scope are checked with real bodies in the next test.
     */
    @Test
    @Order(3)
    void aUserOfTheSameRoleOutsideTheScopeIsRefusedOrFilteredWhereTheTableSaysJSOrU() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Row row : readme()) {
            if (!row.method().equals("GET") || row.path().endsWith("/stream")) {
                continue;
            }
            for (String role : ROLES) {
                String cell = row.cells().get(role);
                if (!SCOPED.contains(cell)) {
                    continue;
                }
                Answer answer = call(row, OUT_OF_SCOPE_TOKEN.get(role).get());
                checked++;
                boolean direct = row.path().contains("{interviewId}")
                        || row.path().contains("{ledgerId}")
                        || row.path().contains("{eventId}")
                        || row.path().contains("{aggregateId}")
                        || row.path().equals("/api/audit/proofs/inclusion");
                if (direct && (answer.status() != 403 || !"OUT_OF_SCOPE".equals(answer.code()))) {
                    wrong.add(role + " " + row.path() + " -> " + answer.status() + " " + abbreviate(answer.body()));
                }
                if (!direct && (answer.status() != 200 || mentionsTransport(answer.body()))) {
                    wrong.add(role + " " + row.path() + " (filtered) -> " + answer.status() + " "
                            + abbreviate(answer.body()));
                }
            }
        }
        assertThat(wrong)
                .as("out-of-scope users who reached nb-transport's records")
                .isEmpty();
        assertThat(checked).isGreaterThan(80);
    }

    /**
     * The audit trail's J cells from the other side: office-fenghua (and a leader and an auditor of
     * fenghua) read fenghua's interview in every audit endpoint, directly and in the lists, while
     * the previous test refused or filtered nb-transport's for them; refusals stay the root
     * auditors' alone.
     */
    @Test
    @Order(3)
    void aDistrictReadsItsOwnInterviewInEveryAuditEndpointAndNoRefusals() throws Exception {
        String fenghuaEvent = firstAuditEvent(fenghuaInterview);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Row row : readme()) {
            // a ledger's archive: fenghua's interview is only scheduled, so fenghua has no ledger to ask for
            // ({ledgerId} is nb-transport's, refused to fenghua in the previous test)
            if (!row.service().equals("audit")
                    || !row.path().startsWith("/api/audit/")
                    || row.path().contains("{ledgerId}")) {
                continue;
            }
            for (String role : List.of("LEADERSHIP", "SUPERVISION_OFFICE", "AUDITOR")) {
                if (!row.cells().get(role).equals("J")) {
                    continue;
                }
                Answer answer = call(row, OUT_OF_SCOPE_TOKEN.get(role).get(), fenghuaInterview, fenghuaEvent);
                checked++;
                boolean showsIt = row.path().contains("security-events")
                        || row.path().equals("/api/audit/gaps")
                        || row.method().equals("POST")
                        || answer.body().contains(fenghuaInterview)
                        || answer.body().contains(fenghuaEvent);
                if (answer.status() != 200 || !showsIt || mentionsTransport(answer.body())) {
                    wrong.add(role + " " + row.method() + " " + row.path() + " -> " + answer.status() + " "
                            + abbreviate(answer.body()));
                }
                if (answer.body().contains("AccessDenied")) {
                    wrong.add(role + " " + row.path() + " shows refusals: " + abbreviate(answer.body()));
                }
            }
        }
        assertThat(wrong)
                .as("audit endpoints that hid fenghua's own records from fenghua or showed it others'")
                .isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(28);
        assertThat(Http.as("auditor")
                        .get(url(Service.AUDIT, "/api/audit/events?type=AccessDenied&size=1"))
                        .body()
                        .findValuesAsText("type"))
                .containsOnly("AccessDenied");
        JsonNode report = Http.as("office-fenghua")
                .post(url(Service.AUDIT, "/api/audit/verify"), "")
                .body();
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("entriesOutsideScope").asLong()).isPositive();
    }

    /** Null if an allowed cell's answer is right: not refused for access, and with the records asked for. */
    private static String allowedAnswerProblem(Row row, Answer answer) {
        if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
            return "refused or failed";
        }
        if (answer.status() >= 400) {
            // an empty probe body or an unknown sub-record id is refused by validation or not found,
            // never by access rules
            return answer.code() == null || ACCESS_CODES.contains(answer.code()) ? "no code or an access code" : null;
        }
        if (row.method().equals("GET") && IN_SCOPE_READS.containsKey(row.path())) {
            String expected = IN_SCOPE_READS.get(row.path()).get();
            return answer.body().contains(expected) ? null : "does not show " + expected;
        }
        return null;
    }

    private static boolean mentionsTransport(String body) {
        return body.contains(interview)
                || body.contains(ledger)
                || body.contains("nb-transport")
                || body.contains("市交通局");
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    // ---- negative cases

    @Test
    @Order(4)
    void aUnitSeesOnlyItsOwnUnitAndAnotherJurisdictionsOfficeSeesNothingOfNingbo() {
        Http unit = Http.as("unit-leader");
        assertThat(unit.get(url(Service.INTERVIEW, "/api/interviews/" + otherInterview))
                        .body()
                        .get("code")
                        .asText())
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(unit.get(url(Service.RECTIFICATION, "/api/ledgers/ledger-" + otherInterview))
                        .body()
                        .get("code")
                        .asText())
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(unit.post(
                                url(Service.RECTIFICATION, "/api/ledgers/ledger-" + otherInterview + "/regulations"),
                                "{\"title\": \"制度\", \"action\": \"ESTABLISHED\", \"issuedOn\": \"2019-01-10\", \"taskIds\": []}")
                        .status())
                .isEqualTo(403);
        assertThat(unit.get(url(Service.INTERVIEW, "/api/interviews?unitId=nb-coop"))
                        .body())
                .isEmpty();
        assertThat(unit.get(url(Service.INTERVIEW, "/api/interviews?size=200"))
                        .body()
                        .findValuesAsText("unitId"))
                .containsOnly("nb-transport");
        assertThat(unit.get(url(Service.RECTIFICATION, "/api/ledgers")).body().findValuesAsText("ledgerId"))
                .containsExactly(ledger);
        await().atMost(SystemProbe.WITHIN)
                .until(() -> Http.as("office")
                                .get(url(Service.AUDIT, "/api/supervision/ledgers"))
                                .body()
                                .size()
                        >= 2);
        assertThat(unit.get(url(Service.AUDIT, "/api/supervision/ledgers"))
                        .body()
                        .findValuesAsText("unitId"))
                .containsOnly("nb-transport");
        assertThat(unit.get(url(Service.AUDIT, "/api/supervision/ledgers/ledger-" + otherInterview))
                        .status())
                .isEqualTo(403);

        Http fenghua = Http.as("office-fenghua");
        assertThat(fenghua.get(url(Service.INTERVIEW, "/api/interviews/" + interview))
                        .body()
                        .get("code")
                        .asText())
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(fenghua.get(url(Service.INTERVIEW, "/api/interviews?jurisdictionId=ningbo"))
                        .body())
                .isEmpty();
        assertThat(fenghua.get(url(Service.RECTIFICATION, "/api/ledgers")).body())
                .isEmpty();
        assertThat(fenghua.post(
                                url(
                                        Service.RECTIFICATION,
                                        "/api/ledgers/" + ledger + "/tasks/" + task + "/verification"),
                                "{}")
                        .body()
                        .get("code")
                        .asText())
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(fenghua.post(
                                url(Service.INTERVIEW, "/api/interviews/" + interview + "/cancel"),
                                "{\"reason\": \"x\"}")
                        .body()
                        .get("code")
                        .asText())
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(fenghua.get(url(Service.AUDIT, "/api/supervision/overview?jurisdictionId=ningbo"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(5)
    void missingExpiredTamperedForeignAndIdTokensAreRefused() throws Exception {
        String path = url(Service.INTERVIEW, "/api/interviews");
        assertThat(Http.anonymous().get(path).body().get("code").asText()).isEqualTo("AUTHENTICATION_REQUIRED");
        for (String token : List.of(
                TestTokens.expired("office"),
                TestTokens.tampered("unit-staff"),
                TestTokens.wrongKey("admin"),
                TestTokens.wrongIssuer("office"),
                // signed right, but not access tokens for this API: an ID token's shape, no at+jwt, another aud
                TestTokens.idToken("admin"),
                TestTokens.untyped("office"),
                TestTokens.wrongAudience("office"),
                "not.a.jwt")) {
            Http.Response answer = Http.withToken(token).get(path);
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.body().get("code").asText()).isEqualTo("TOKEN_INVALID");
        }
        assertThat(Http.withToken(TestTokens.tampered("unit-staff"))
                        .post(url(Service.INTERVIEW, "/api/templates"), "{}")
                        .status())
                .isEqualTo(401);
        // a token in the URL is never read, not even by the live stream: it takes a single-use ticket
        String token = TestTokens.token("office");
        assertThat(Http.anonymous().get(path + "?access_token=" + token).status())
                .isEqualTo(401);
        String streamPath = url(Service.AUDIT, "/api/supervision/stream");
        assertThat(openStream(streamPath + "?access_token=" + token)).isEqualTo(401);
        String ticket = Http.withToken(token)
                .post(url(Service.AUDIT, "/api/supervision/stream-tickets"), "")
                .body()
                .get("ticket")
                .asText();
        assertThat(openStream(streamPath + "?ticket=" + ticket)).isEqualTo(200);
        assertThat(openStream(streamPath + "?ticket=" + ticket))
                .as("a used ticket")
                .isEqualTo(401);
        HttpResponse<String> noToken = CLIENT.send(
                HttpRequest.newBuilder(URI.create(url(Service.AUDIT, "/api/supervision/stream")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        // invalid tokens are counted, never appended (anyone could fill the permanent log with them):
        // a signed-in refusal on a fresh path is recorded at once, and by then none of the 401s is there
        String marker = "/api/audit/events/marker-" + java.util.UUID.randomUUID();
        assertThat(Http.as("unit-staff").get(url(Service.AUDIT, marker)).status())
                .isEqualTo(403);
        await().atMost(SystemProbe.WITHIN)
                .until(() -> recordedRefusals().stream()
                        .anyMatch(p -> p.path("path").asText().equals(marker)));
        assertThat(recordedRefusals().stream()
                        .filter(p -> p.path("code").asText().equals("TOKEN_INVALID")))
                .isEmpty();
    }

    /** Every recorded refusal, page by page. */
    private static List<JsonNode> recordedRefusals() throws Exception {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<JsonNode> payloads = Http.as("auditor")
                    .get(url(Service.AUDIT, "/api/audit/security-events?size=500&page=" + page))
                    .body()
                    .findValues("payload");
            all.addAll(payloads);
            if (payloads.size() < 500) {
                return all;
            }
        }
    }

    @Test
    @Order(6)
    void aUnitFishingForConfidentialSourcesGetsNoneOfThem() throws Exception {
        assertThat(Http.as("office")
                        .get(url(Service.INTERVIEW, "/api/interviews/" + interview))
                        .body()
                        .toString())
                .contains(SECRET);
        await().atMost(SystemProbe.WITHIN)
                .until(() -> Http.as("office")
                                .get(url(Service.AUDIT, "/api/supervision/ledgers/" + ledger))
                                .status()
                        == 200);
        for (String user : List.of("unit-leader", "unit-staff", "stationed")) {
            Http as = Http.as(user);
            List<String> answers = new ArrayList<>();
            for (String query : List.of(
                    "/api/interviews/" + interview,
                    "/api/interviews",
                    "/api/interviews?unitId=nb-transport",
                    "/api/interviews?status=CONDUCTED&year=2018",
                    "/api/interviews?jurisdictionId=ningbo&size=200",
                    "/api/interviews/" + interview + "/history")) {
                answers.add(as.get(url(Service.INTERVIEW, query)).body().toString());
            }
            for (String query : List.of("/api/ledgers/" + ledger, "/api/ledgers?interviewId=" + interview)) {
                answers.add(as.get(url(Service.RECTIFICATION, query)).body().toString());
            }
            for (String query : List.of(
                    "/api/supervision/ledgers/" + ledger,
                    "/api/supervision/interviews",
                    "/api/supervision/ledgers?year=2018",
                    "/api/audit/events?aggregateId=" + interview,
                    "/api/audit/aggregates/" + interview,
                    "/api/audit/export")) {
                Http.Response answer = as.get(url(Service.AUDIT, query));
                answers.add(answer.body() == null ? "" : answer.body().toString());
            }
            for (String export : List.of(
                    "ledgers.csv?year=2018", "ledgers.xlsx?year=2018", "overdue.csv", "evaluation.csv?year=2018")) {
                HttpResponse<byte[]> file = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(url(Service.AUDIT, "/api/supervision/export/" + export)))
                                .header("Authorization", TestTokens.bearer(TestTokens.token(user)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(file.statusCode()).as(export).isEqualTo(200);
                // a workbook is a zip: read its cells, a compressed secret would never show as text
                String content =
                        export.contains(".xlsx") ? cells(file.body()) : new String(file.body(), StandardCharsets.UTF_8);
                if (export.startsWith("ledgers")) {
                    assertThat(content)
                            .as("%s of %s holds its ledger", export, user)
                            .contains("市交通局");
                }
                answers.add(content);
            }
            assertThat(String.join("\n", answers)).as(user).doesNotContain(SECRET, "信访-2018-0917");
            assertThat(as.get(url(Service.INTERVIEW, "/api/interviews/" + interview))
                            .body()
                            .at("/problems/0/description")
                            .asText())
                    .isEqualTo("公车私用");
        }
    }

    @Test
    @Order(7)
    void theActorTravelsInTheCloudEventsHeadersAndIsOnTheAuditEntry() {
        ConsumerRecord<String, byte[]> scheduled =
                LOCAL.kafka().recordsOf("interview.events", interview, 1).get(0);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : scheduled.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers)
                .containsEntry("ce_actor", "office")
                .containsEntry("ce_actorrole", "SUPERVISION_OFFICE")
                .containsEntry("ce_actorjurisdiction", "ningbo");
        JsonNode entries = Http.as("auditor")
                .get(url(Service.AUDIT, "/api/audit/events?aggregateId=" + interview))
                .body();
        assertThat(entries.findValuesAsText("actor")).isNotEmpty().containsOnly("office");
        JsonNode history = Http.as("auditor")
                .get(url(Service.AUDIT, "/api/audit/history?actor=office&aggregateId=" + interview))
                .body();
        assertThat(history.toString()).contains("InterviewScheduled");
        // a unit's ledger action carries the unit
        assertThat(Http.as("unit-leader")
                        .post(
                                url(Service.RECTIFICATION, "/api/ledgers/" + ledger + "/regulations"),
                                "{\"title\": \"公务用车管理办法\", \"action\": \"ESTABLISHED\", \"issuedOn\": \"2019-01-10\", \"taskIds\": []}")
                        .status())
                .isEqualTo(201);
        await().atMost(SystemProbe.WITHIN).untilAsserted(() -> {
            JsonNode recorded = Http.as("auditor")
                    .get(url(Service.AUDIT, "/api/audit/events?type=RegulationRecorded"))
                    .body();
            assertThat(recorded.findValuesAsText("actor")).contains("unit-leader");
        });
        ConsumerRecord<String, byte[]> regulation =
                LOCAL.kafka().recordsOf("rectification.events", ledger, 2).get(1);
        Map<String, String> ledgerHeaders = new LinkedHashMap<>();
        regulation.headers().forEach(h -> ledgerHeaders.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(ledgerHeaders)
                .containsEntry("ce_actor", "unit-leader")
                .containsEntry("ce_actorunit", "nb-transport");
        // nobody requested the ledger's opening (it follows InterviewConducted): the service is its actor
        ConsumerRecord<String, byte[]> opened =
                LOCAL.kafka().recordsOf("rectification.events", ledger, 2).get(0);
        assertThat(new String(opened.headers().lastHeader("ce_actor").value(), StandardCharsets.UTF_8))
                .isEqualTo("system:rectification-service");
    }

    // ---- helpers

    record Answer(int status, String body) {
        /** The problem's stable code, if the answer is a problem. */
        String code() {
            try {
                JsonNode code = JSON.readTree(body).path("code");
                return code.isTextual() ? code.asText() : null;
            } catch (Exception notJson) {
                return null;
            }
        }
    }

    private Answer call(Row row, String token) throws Exception {
        return call(row, token, interview, auditEvent);
    }

    /** @param aggregateId the interview the audit endpoints are asked about, {@code eventId} one of its entries */
    private Answer call(Row row, String token, String aggregateId, String eventId) throws Exception {
        String path = row.path()
                .replace("{interviewId}", interview)
                .replace("{ledgerId}", ledger)
                .replace("{taskId}", task)
                .replace("{itemId}", "item-none")
                .replace("{subTaskId}", task + "-nb-road-transport")
                .replace("{evidenceId}", "ev-none")
                .replace("{caseId}", "case-none")
                .replace("{templateId}", "tpl-none")
                .replace("{personId}", "nb-secretary")
                .replace("{unitId}", "nb-coop")
                .replace("{treeSize}", "1")
                .replace("{eventId}", eventId)
                .replace("{aggregateId}", aggregateId)
                .replace("{table}", "ledgers")
                .replace("{path}", "0/000.p/1")
                .replace("{format}", "csv");
        String query = switch (row.path()) {
            case "/api/audit/aggregates/{aggregateId}/diff" -> "?from=2018-01-01T00:00:00Z&to=2030-01-01T00:00:00Z";
            case "/api/audit/proofs/inclusion" -> "?eventId=" + eventId;
            case "/api/audit/events", "/api/audit/history" -> "?aggregateId=" + aggregateId;
            case "/api/audit/proofs/consistency" -> "?from=1";
            case "/api/audit/completeness" -> "?producer=interview-service";
            case "/api/supervision/evaluation" -> "?year=2018";
            case "/api/dead-letters/retry" -> "?group=none&key=none";
            default -> "";
        };
        Service service = switch (row.service()) {
            case "interview" -> Service.INTERVIEW;
            case "rectification" -> Service.RECTIFICATION;
            default -> Service.AUDIT;
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.url(service) + path + query))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        boolean write = row.method().equals("POST") || row.method().equals("PUT");
        if (row.path().endsWith("/evidence")) {
            request.header("Content-Type", "multipart/form-data; boundary=b")
                    .method(
                            row.method(),
                            HttpRequest.BodyPublishers.ofString(
                                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nx\r\n--b--\r\n"));
        } else {
            request.header("Content-Type", "application/json")
                    .method(
                            row.method(),
                            write ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            boolean stream =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Answer(
                    response.statusCode(), stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The count once the trail has taken in everything the set-up caused (unchanged for two seconds). */
    private static long settledBusinessEvents() throws InterruptedException {
        long last = -1;
        long now = businessEvents();
        while (now != last) {
            last = now;
            Thread.sleep(2000);
            now = businessEvents();
        }
        return now;
    }

    /** Entries of the trail that are not refusals: what a denied request must not add to. */
    private static long businessEvents() {
        return trail().stream()
                .filter(e -> !e.path("topic").asText().equals("sanjiaodi.security"))
                .count();
    }

    private static long securityEvents() {
        return trail().stream()
                .filter(e -> e.path("topic").asText().equals("sanjiaodi.security"))
                .count();
    }

    private static List<JsonNode> trail() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode entries = Http.as("auditor")
                    .get(url(Service.AUDIT, "/api/audit/events?size=500&page=" + page))
                    .body();
            Iterator<JsonNode> it = entries.elements();
            it.forEachRemaining(all::add);
            if (entries.size() < 500) {
                return all;
            }
        }
    }

    /** Every cell of every sheet of a workbook, as text, one per line. */
    static String cells(byte[] xlsx) throws IOException {
        StringBuilder out = new StringBuilder();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            workbook.forEach(sheet -> sheet.forEach(row ->
                    row.forEach(cell -> out.append(format.formatCellValue(cell)).append('\n'))));
        }
        return out.toString();
    }

    private static String key(Service service) {
        return switch (service) {
            case INTERVIEW -> "interview";
            case RECTIFICATION -> "rectification";
            case AUDIT -> "audit";
        };
    }

    private static String url(Service service, String path) {
        return system.url(service) + path;
    }

    private static int openStream(String url) throws Exception {
        HttpResponse<InputStream> stream =
                CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        stream.body().close();
        return stream.statusCode();
    }
}

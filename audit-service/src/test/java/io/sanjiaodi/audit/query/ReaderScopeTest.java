package io.sanjiaodi.audit.query;

import static io.sanjiaodi.platform.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.query.history.HistoryFilter;
import io.sanjiaodi.audit.query.history.HistoryService;
import io.sanjiaodi.audit.verify.OfflineVerifier;
import io.sanjiaodi.audit.verify.VerificationReport;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The trail cut to the reader's jurisdiction: a fenghua interview and ledger, a ningbo interview,
 * a template (no jurisdiction) and a refused request, read by readers of fenghua and of ningbo.
 */
class ReaderScopeTest {

    private static final String FENGHUA =
            "\"interviewee\":{\"unitId\":\"fh-womens-federation\",\"jurisdictionId\":\"fenghua\"}";
    private static final String NINGBO = "\"interviewee\":{\"unitId\":\"nb-transport\",\"jurisdictionId\":\"ningbo\"}";
    private static final String LEDGERS = "/sanjiaodi/rectification-service";

    @TempDir
    Path dir;

    private AuditFixture audit;
    private HistoryService history;

    private final ReaderScope officeFenghua = scope(Role.SUPERVISION_OFFICE, "fenghua");
    private final ReaderScope auditorFenghua = scope(Role.AUDITOR, "fenghua");
    private final ReaderScope office = scope(Role.SUPERVISION_OFFICE, "ningbo");
    private final ReaderScope auditor = scope(Role.AUDITOR, "ningbo");

    @BeforeEach
    void setUp() {
        audit = new AuditFixture(dir);
        history = new HistoryService(audit.mongo);
        audit.log.append(List.of(
                Events.draft("f0", "iv-f", 0, "InterviewScheduled", "{\"interviewId\":\"iv-f\"," + FENGHUA + "}"),
                Events.draft("n0", "iv-n", 0, "InterviewScheduled", "{\"interviewId\":\"iv-n\"," + NINGBO + "}"),
                Events.draft(
                        "f1",
                        "iv-f",
                        1,
                        "ProblemItemAdded",
                        "{\"interviewId\":\"iv-f\",\"item\":{\"itemId\":\"p1\",\"confidentialSource\":{\"details\":\"奉化举报\"}}}"),
                Events.draft(
                        "n1",
                        "iv-n",
                        1,
                        "ProblemItemAdded",
                        "{\"interviewId\":\"iv-n\",\"item\":{\"itemId\":\"p1\",\"confidentialSource\":{\"details\":\"宁波举报人\"}}}"),
                Events.draftOn(
                        "rectification.events",
                        LEDGERS,
                        "l0",
                        "led-f",
                        0L,
                        "RectificationOpened",
                        "{\"ledgerId\":\"led-f\",\"unitId\":\"fh-womens-federation\",\"jurisdictionId\":\"fenghua\"}"),
                Events.draftOn(
                        "interview.events",
                        "/sanjiaodi/interview-service",
                        "t0",
                        "tpl-1",
                        0L,
                        "ResponsibilityTemplateItemAdded",
                        "{\"templateId\":\"tpl-1\"}"),
                Events.draftOn(
                        "sanjiaodi.security",
                        "/sanjiaodi/audit-service",
                        "d0",
                        null,
                        null,
                        "AccessDenied",
                        "{\"userId\":\"office-fenghua\",\"code\":\"OUT_OF_SCOPE\",\"jurisdictionId\":\"fenghua\"}")));
        // after a restart, the aggregate's jurisdiction comes from the stored entries
        audit.restart();
        audit.log.append(List.of(
                Events.draftOn(
                        "rectification.events",
                        LEDGERS,
                        "l1",
                        "led-f",
                        1L,
                        "TaskPlanned",
                        "{\"ledgerId\":\"led-f\",\"taskId\":\"t1\"}"),
                Events.draft(
                        "f2", "iv-f", 2, "RiskItemAdded", "{\"interviewId\":\"iv-f\",\"item\":{\"itemId\":\"r1\"}}")));
        audit.checkpoints.signIfGrown().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void aFenghuaReaderListsOnlyFenghuaEntriesAndTheCityAllButAuditorsAloneSeeRefusals() {
        assertThat(ids(officeFenghua)).containsExactly("f0", "f1", "l0", "l1", "f2");
        assertThat(ids(auditorFenghua)).containsExactly("f0", "f1", "l0", "l1", "f2");
        assertThat(ids(office)).containsExactly("f0", "n0", "f1", "n1", "l0", "t0", "l1", "f2");
        assertThat(ids(auditor)).containsExactly("f0", "n0", "f1", "n1", "l0", "t0", "d0", "l1", "f2");
        assertThat(history.find(filter(null, "ningbo"), officeFenghua, 0, 50).total())
                .isZero();
        assertThat(officeFenghua.seesSecurityEvents()).isFalse();
        assertThat(auditorFenghua.seesSecurityEvents()).isFalse();
        assertThat(auditor.seesSecurityEvents()).isTrue();
    }

    @Test
    void eventsWithoutAJurisdictionTakeTheirAggregatesAndRefusalsAndTheUnknownBelongToTheRoot() {
        assertThat(entry("f1").jurisdictionId()).isEqualTo("fenghua");
        assertThat(entry("f2").jurisdictionId()).isEqualTo("fenghua");
        assertThat(entry("l1").jurisdictionId()).isEqualTo("fenghua");
        assertThat(entry("l1").unitId()).isEqualTo("fh-womens-federation");
        assertThat(entry("n1").jurisdictionId()).isEqualTo("ningbo");
        assertThat(entry("t0").jurisdictionId()).isNull();
        assertThat(entry("d0").jurisdictionId()).isNull();
        assertThat(audit.log.jurisdictionOf(LEDGERS, "led-f")).isEqualTo("fenghua");
        assertThat(audit.log.jurisdictionOf(LEDGERS, "nothing")).isNull();
        assertThat(officeFenghua.seesJurisdiction("fenghua")).isTrue();
        assertThat(officeFenghua.seesJurisdiction("ningbo")).isFalse();
        assertThat(officeFenghua.seesJurisdiction(null)).isFalse();
        assertThat(office.seesJurisdiction(null)).isTrue();
    }

    @Test
    void anotherJurisdictionsAggregateIsOutOfScopeAndItsOwnIsFoldedFromItsEntries() {
        assertThat(history.asOf("iv-f", null, null, officeFenghua).events())
                .extracting(AuditEntry::eventId)
                .containsExactly("f0", "f1", "f2");
        MatcherAssert.assertThat(
                catchThrowable(() -> history.asOf("iv-n", null, null, officeFenghua)), refused("OUT_OF_SCOPE"));
        MatcherAssert.assertThat(
                catchThrowable(() -> history.diff("iv-n", Instant.EPOCH, Instant.now(), officeFenghua)),
                refused("OUT_OF_SCOPE"));
        MatcherAssert.assertThat(
                catchThrowable(() -> history.asOf("tpl-1", null, null, officeFenghua)), refused("OUT_OF_SCOPE"));
        MatcherAssert.assertThat(
                catchThrowable(() -> history.asOf("none", null, null, officeFenghua)),
                refused("AUDIT_AGGREGATE_NOT_FOUND"));
        assertThat(history.diff("iv-f", Instant.EPOCH, Instant.now(), officeFenghua)
                        .events())
                .hasSize(3);
        assertThat(history.asOf("iv-n", null, null, office).events()).hasSize(2);
    }

    @Test
    void anInclusionProofIsForAnEntryInScopeAndARefusalForAuditorsOnly() {
        assertThat(audit.proofs.inclusion("f1", null, officeFenghua).entry()).isNotNull();
        MatcherAssert.assertThat(
                catchThrowable(() -> audit.proofs.inclusion("n1", null, officeFenghua)), refused("OUT_OF_SCOPE"));
        MatcherAssert.assertThat(
                catchThrowable(() -> audit.proofs.inclusion("d0", null, office)), refused("AUDIT_ENTRY_NOT_FOUND"));
        MatcherAssert.assertThat(
                catchThrowable(() -> audit.proofs.inclusion("d0", null, auditorFenghua)), refused("OUT_OF_SCOPE"));
        assertThat(audit.proofs.inclusion("d0", null, auditor).entry()).isNotNull();
        assertThat(officeFenghua.require(entry("f0"), "f0")).isEqualTo(entry("f0"));
    }

    @Test
    void theVerifyReportNamesOnlyTheReadersEntriesAndCountsTheOthers() {
        VerificationReport clean = audit.verifier.verify(officeFenghua);
        assertThat(clean.ok()).isTrue();
        assertThat(clean.entriesOutsideScope()).isEqualTo(4);
        tamper("n1");
        VerificationReport fenghua = audit.verifier.verify(officeFenghua);
        assertThat(fenghua.ok()).isFalse();
        // the entry outside is counted, not named; the root it breaks concerns everyone
        assertThat(fenghua.problemCount()).isEqualTo(2);
        assertThat(fenghua.problemsOutsideScope()).isEqualTo(1);
        assertThat(fenghua.problems())
                .extracting(p -> p.eventId() + " " + p.code())
                .containsExactly("null ROOT_MISMATCH");
        VerificationReport city = audit.verifier.verify(office);
        assertThat(city.problemsOutsideScope()).isZero();
        assertThat(city.problems())
                .extracting(p -> p.eventId() + " " + p.code())
                .containsExactly("n1 PAYLOAD_CHANGED", "null ROOT_MISMATCH");
        tamper("f1");
        assertThat(audit.verifier.verify(officeFenghua).problems())
                .extracting(p -> p.eventId() + " " + p.code())
                .containsExactly("f1 PAYLOAD_CHANGED", "f2 CHAIN_BROKEN", "null ROOT_MISMATCH");
    }

    @Test
    void aFenghuaExportVerifiesOfflineHoldsNoNingboPayloadAndAnEditedFenghuaLineIsNamed() throws Exception {
        Path export = export(officeFenghua);
        String text = Files.readString(export);
        assertThat(text).contains("奉化举报", "iv-f").doesNotContain("宁波举报人", "iv-n", "nb-transport", "tpl-1", "\"d0\"");
        assertThat(verifyOffline(export)).startsWith("0\n").contains("4 entries outside");

        Files.writeString(export, text.replace("奉化举报", "别人"));
        assertThat(verifyOffline(export)).startsWith("1\n").contains("event f1: PAYLOAD_CHANGED");
        // a forged leaf for an entry outside the scope breaks the signed root
        Path forged = export(officeFenghua);
        String n1Leaf = entry("n1").leafHash();
        Files.writeString(forged, Files.readString(forged).replace(n1Leaf, "00" + n1Leaf.substring(2)));
        assertThat(verifyOffline(forged)).startsWith("1\n").contains("ROOT_MISMATCH");
        assertThat(verifyOffline(export(auditor))).startsWith("0\n").doesNotContain("outside");
    }

    @Test
    void aReaderNotEntitledToSourcesGetsPayloadsWithoutThemAndHashOnlyExportLines() {
        ReaderScope noSources = new ReaderScope(true, Actor.Scope.JURISDICTION, Set.of(), false, false);
        AuditEntry sealed = entry("f1")
                .withPayload(
                        Document.parse(
                                "{\"items\":[{\"sealedSource\":\"ct\",\"text\":\"x\"}],\"item\":{\"confidentialSource\":{\"d\":1},\"itemId\":\"p1\"}}"));
        assertThat(noSources.redacts(sealed)).isTrue();
        assertThat(noSources.shown(sealed).payload().toJson())
                .isEqualTo("{\"items\": [{\"text\": \"x\"}], \"item\": {\"itemId\": \"p1\"}}");
        assertThat(sealed.payload().toJson()).contains("sealedSource", "confidentialSource");
        assertThat(noSources.redacts(entry("f0"))).isFalse();
        assertThat(noSources.shown(entry("f0"))).isEqualTo(entry("f0"));
        assertThat(noSources.exportLine(sealed).toString()).doesNotContain("sealedSource");
        assertThat(office.redacts(sealed)).isFalse();
        // a redacted payload would not hash to the leaf: the proof carries the leaf hash and path only
        assertThat(audit.proofs.inclusion("f1", null, noSources).entry()).isNull();
        assertThat(audit.proofs.inclusion("f0", null, noSources).entry()).isNotNull();
    }

    private static ReaderScope scope(Role role, String jurisdiction) {
        return ReaderScope.of(new Actor("u", "u", role, jurisdiction, null, List.of()));
    }

    private List<String> ids(ReaderScope scope) {
        return history.find(filter(null, null), scope, 0, 50).items().stream()
                .map(AuditEntry::eventId)
                .toList();
    }

    private static HistoryFilter filter(String aggregateId, String jurisdictionId) {
        return new HistoryFilter(aggregateId, null, jurisdictionId, null, null, null, null);
    }

    private AuditEntry entry(String id) {
        return audit.mongo.findById(id, AuditEntry.class);
    }

    private void tamper(String id) {
        audit.mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                Update.update("payload.item.itemId", "p9"),
                AuditEntry.class);
    }

    private Path export(ReaderScope scope) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (AuditEntry e : audit.mongo.find(new Query().with(Sort.by("logIndex")), AuditEntry.class)) {
            lines.add(json.writeValueAsString(scope.exportLine(e)));
        }
        Path file = Files.createTempFile(dir, "log", ".jsonl");
        Files.write(file, lines);
        return file;
    }

    private String verifyOffline(Path export) throws Exception {
        Path key = Files.writeString(dir.resolve("public.pem"), audit.key.publicKeyPem());
        Path checkpoints = dir.resolve("checkpoints.json");
        new ObjectMapper().writeValue(checkpoints.toFile(), audit.checkpoints.all());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(
                new String[] {
                    "export",
                    "--key",
                    key.toString(),
                    "--export",
                    export.toString(),
                    "--checkpoint",
                    checkpoints.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }
}

package io.sanjiaodi.rectification.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.InMemoryMongo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

/** GridFS through Spring's GridFsTemplate works against mongo-java-server: files go in and come back intact. */
class EvidenceStoreTest {

    final InMemoryMongo mongo = new InMemoryMongo();
    final SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(mongo.client, "evidence");
    final MongoTemplate template = new MongoTemplate(factory);
    final EvidenceStore store = new EvidenceStore(
            new GridFsTemplate(factory, template.getConverter()), InMemoryMongo.settings()); // limit 64 KB

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aFileIsStoredInGridFsWithItsSizeAndSha256AndReadBackIntact() throws Exception {
        byte[] content = "会议纪要：研究耗材采购整改".repeat(2000).getBytes(StandardCharsets.UTF_8); // ~78 KB > one chunk
        content = Arrays.copyOf(content, 60_000);
        var stored = store.store(
                "ledger-1",
                "task-p1",
                "会议纪要.pdf",
                "application/pdf",
                content.length,
                new ByteArrayInputStream(content));
        assertThat(stored.size()).isEqualTo(60_000);
        assertThat(stored.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(stored.fileName()).isEqualTo("会议纪要.pdf");
        try (var in = store.open(stored.evidenceId()).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndLeavesNothingBehind() {
        byte[] content = new byte[64 * 1024 + 1];
        assertThatThrownBy(() -> store.store(
                        "ledger-1", "task-p1", "big.bin", null, content.length, new ByteArrayInputStream(content)))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.code()).isEqualTo("EVIDENCE_TOO_LARGE");
                    assertThat(e.kind()).isEqualTo(Refusal.Kind.TOO_LARGE);
                });
        assertThat(template.getCollection("fs.files").countDocuments()).isZero();
    }

    @Test
    void aFileLargerThanItsDeclaredSizeIsStoppedAtTheLimitAndRemoved() {
        byte[] content = new byte[200 * 1024];
        assertThatThrownBy(() ->
                        store.store("ledger-1", "task-p1", "lying.bin", null, 10, new ByteArrayInputStream(content)))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("EVIDENCE_TOO_LARGE"));
        assertThat(template.getCollection("fs.files").countDocuments()).isZero();
        assertThat(template.getCollection("fs.chunks").countDocuments()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd",
                "..\\windows\\system.ini",
                "/etc/shadow",
                "C:evil.exe",
                ".htaccess",
                "a/b.pdf",
                "name\u0000.pdf",
                "report\u202Efdp.exe",
                "..",
                "x..y"
            })
    void aFileNameWithAPathTrickIsRefused(String name) {
        assertThatThrownBy(
                        () -> store.store("ledger-1", "task-p1", name, null, 1, new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.code()).isEqualTo("EVIDENCE_FILE_NAME_INVALID"));
        assertThat(template.getCollection("fs.files").countDocuments()).isZero();
    }

    @Test
    void aFileNeedsAName() {
        assertThatThrownBy(() -> FileNames.check(" "))
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.code()).isEqualTo("EVIDENCE_FILE_NAME_REQUIRED"));
    }

    @Test
    void ordinaryNamesInAnyScriptAreKept() {
        assertThat(FileNames.check("整改报告 (终稿) v2.docx")).isEqualTo("整改报告 (终稿) v2.docx");
    }
}

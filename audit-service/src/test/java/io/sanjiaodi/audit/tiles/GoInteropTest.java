package io.sanjiaodi.audit.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.DebianGo;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.checkpoint.note.TlogCheckpoint;
import io.sanjiaodi.audit.ingest.AuditEntry;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.merkle.TilePath;
import io.sanjiaodi.audit.proof.ProofService.ConsistencyProof;
import io.sanjiaodi.audit.proof.ProofService.InclusionProof;
import io.sanjiaodi.audit.query.ReaderScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with an implementation nobody here wrote (issue #20): Go's own
 * golang.org/x/mod/sumdb/note and .../tlog (Debian golang-go and golang-golang-x-mod-dev, built
 * offline in GOPATH mode) verify our signed checkpoints, our tiles and entry bundles at our paths,
 * and the proofs of our ProofService; each tampering makes the Go program exit non-zero.
 * The program is src/test/go/interop/main.go; what x/mod 0.7.0 cannot do is said there and in the README.
 */
class GoInteropTest {

    private static final int OLD = 300;
    private static final int SIZE = 600;

    @TempDir
    static Path work;

    private static AuditFixture audit;
    private static Path program;
    private static Path tiles;
    private static String vkey;
    private static Checkpoint old;
    private static Checkpoint latest;

    @BeforeAll
    static void buildTheProgramAndTheLog() throws Exception {
        program = DebianGo.build("interop", "sumdb/tlog", work);

        audit = new AuditFixture(Files.createDirectory(work.resolve("keys")));
        append(0, OLD);
        old = audit.checkpoints.signIfGrown().orElseThrow();
        append(OLD, SIZE);
        latest = audit.checkpoints.signIfGrown().orElseThrow();
        vkey = audit.key.noteKey().verifierKey();

        tiles = Files.createDirectory(work.resolve("log"));
        LogTiles logTiles = new LogTiles(audit.mongo, audit.log, audit.checkpoints);
        for (TilePath tile : tilesOf(OLD, SIZE)) {
            Path file = tiles.resolve("tile/" + tile.path());
            Files.createDirectories(file.getParent());
            Files.write(file, tile.entries() ? logTiles.entryBundle(tile) : logTiles.hashTile(tile));
        }
        Files.writeString(work.resolve("old.note"), old.note());
        Files.writeString(work.resolve("checkpoint.note"), latest.note());
        Files.writeString(work.resolve("proofs.json"), proofsJson());
        Files.writeString(
                work.resolve("paths.txt"),
                List.of(
                                new TilePath(0, 1234067, 256),
                                new TilePath(2, 0, 1),
                                new TilePath(1, 999, 17),
                                new TilePath(0, 1000, 5),
                                new TilePath(3, 1_000_000, 256))
                        .stream()
                        .map(t -> t.level() + " " + t.index() + " " + t.width() + " " + t.path())
                        .collect(Collectors.joining("\n")));
    }

    @AfterAll
    static void close() {
        if (audit != null) {
            audit.close();
        }
    }

    @Test
    void goVerifiesOurCheckpointsTilesEntryBundlesAndProofs() throws Exception {
        DebianGo.Run run = verify(work.resolve("checkpoint.note"), tiles);
        System.out.print(run.output()); // kept in the surefire report: what Go checked
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("note.Open verified both checkpoints (sizes 300 and 600)")
                .contains("tlog.TreeHash over our tiles equals the checkpoint's root")
                .contains("tlog.ProveTree/CheckTree: tree 600 extends tree 300")
                .contains("600 entries from the entry bundles")
                .contains("tlog.CheckRecord verified our ProofService's inclusion proof")
                .contains("tlog.CheckTree verified our ProofService's consistency proof 300 -> 600")
                .contains("5 tile paths spelled as x/mod's")
                .endsWith("VERIFIED\n");
    }

    @Test
    void goRejectsAChangedSignature() throws Exception {
        String note = latest.note();
        int at = note.lastIndexOf(' ') + 10; // inside the signature, past the key id
        char flipped = note.charAt(at) == 'A' ? 'B' : 'A';
        Path changed = write("bad-signature.note", note.substring(0, at) + flipped + note.substring(at + 1));
        DebianGo.Run run = verify(changed, tiles);
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("FAIL note.Open");
    }

    @Test
    void goRejectsAChangedRootWhetherTheSignatureOrTheTilesGiveItAway() throws Exception {
        String otherRoot =
                java.util.Base64.getEncoder().encodeToString(audit.log.tree().root(SIZE - 1));
        TlogCheckpoint c = latest.noteCheckpoint();
        String b64 = java.util.Base64.getEncoder().encodeToString(c.rootHash());
        DebianGo.Run unsigned = verify(write("changed-root.note", latest.note().replace(b64, otherRoot)), tiles);
        assertThat(unsigned.exit()).as(unsigned.output()).isNotZero();
        assertThat(unsigned.output()).contains("FAIL note.Open");

        // the log's own key signing a root its tiles do not yield (a log lying to one reader)
        String lie = SignedNote.sign(
                        new TlogCheckpoint(c.origin(), SIZE, audit.log.tree().root(SIZE - 1)).text(),
                        audit.key.noteSigner())
                .format();
        DebianGo.Run lying = verify(write("lying-root.note", lie), tiles);
        assertThat(lying.exit()).as(lying.output()).isNotZero();
        assertThat(lying.output()).contains("FAIL tlog.TreeHash from the tiles");
    }

    @Test
    void goRejectsAChangedTileByteAndAChangedEntryByte() throws Exception {
        for (String tile : List.of("tile/0/001", "tile/1/000.p/2", "tile/entries/000")) {
            Path copy = copyOfTiles("tampered-" + tile.replace('/', '-'));
            Path file = copy.resolve(tile);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
            DebianGo.Run run = verify(work.resolve("checkpoint.note"), copy);
            assertThat(run.exit()).as(tile + ": " + run.output()).isNotZero();
            assertThat(run.output()).as(tile).contains("FAIL");
            System.out.print(tile + " changed: " + run.output());
        }
    }

    private static DebianGo.Run verify(Path checkpoint, Path tileDir) throws Exception {
        return DebianGo.run(
                work,
                List.of(
                        program.toString(),
                        "-vkey",
                        vkey,
                        "-tiles",
                        tileDir.toString(),
                        "-checkpoint",
                        checkpoint.toString(),
                        "-old",
                        work.resolve("old.note").toString(),
                        "-proofs",
                        work.resolve("proofs.json").toString(),
                        "-paths",
                        work.resolve("paths.txt").toString()));
    }

    /** Every tile and bundle the two tree sizes need (partial ones for each size, full ones once). */
    private static List<TilePath> tilesOf(long... sizes) {
        List<TilePath> out = new ArrayList<>();
        for (long size : sizes) {
            for (int level = 0; size >> (8 * level) > 0; level++) {
                long hashes = size >> (8 * level);
                for (long n = 0; n < hashes / 256; n++) {
                    addOnce(out, new TilePath(level, n, 256));
                    if (level == 0) {
                        addOnce(out, new TilePath(TilePath.ENTRIES, n, 256));
                    }
                }
                if (hashes % 256 > 0) {
                    addOnce(out, new TilePath(level, hashes / 256, (int) (hashes % 256)));
                    if (level == 0) {
                        addOnce(out, new TilePath(TilePath.ENTRIES, hashes / 256, (int) (hashes % 256)));
                    }
                }
            }
        }
        return out;
    }

    private static void addOnce(List<TilePath> list, TilePath tile) {
        if (!list.contains(tile)) {
            list.add(tile);
        }
    }

    private static String proofsJson() {
        AuditEntry entry = audit.mongo.findOne(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("logIndex")
                                .is(457L)),
                AuditEntry.class);
        InclusionProof in = audit.proofs.inclusion(entry.eventId(), null, ReaderScope.everything());
        ConsistencyProof c = audit.proofs.consistency(OLD, null);
        return "{\"inclusion\":{\"leafIndex\":" + in.leafIndex() + ",\"treeSize\":" + in.treeSize()
                + ",\"leafHash\":\"" + in.leafHash() + "\",\"auditPath\":" + strings(in.auditPath()) + "},"
                + "\"consistency\":{\"first\":" + c.first() + ",\"second\":" + c.second() + ",\"proof\":"
                + strings(c.proof()) + "}}";
    }

    private static String strings(List<String> hex) {
        return hex.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static void append(int from, int to) {
        List<AuditEntry> drafts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            drafts.add(Events.draft("ev-" + i, "iv-" + i / 10, i % 10 + 1));
        }
        audit.log.append(drafts);
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(work.resolve(name), text);
    }

    private static Path copyOfTiles(String name) throws IOException {
        Path copy = work.resolve(name);
        try (var files = Files.walk(tiles)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(tiles.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }
}

package io.sanjiaodi.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.checkpoint.note.TlogCheckpoint;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.merkle.TilePath;
import io.sanjiaodi.audit.tiles.LogTiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier over C2SP checkpoint notes and a directory of C2SP tiles. */
class OfflineVerifierC2spTest {

    private static final int SIZE = 300;

    @TempDir
    Path dir;

    private AuditFixture audit;
    private Checkpoint latest;
    private Path pem;
    private Path vkey;
    private Path note;
    private Path tiles;

    @BeforeEach
    void setUp() throws Exception {
        audit = new AuditFixture(dir);
        audit.log.append(LongStream.range(0, SIZE)
                .mapToObj(i -> Events.draft("a" + i, "iv-" + i / 10, i % 10))
                .toList());
        latest = audit.checkpoints.signIfGrown().orElseThrow();
        pem = Files.writeString(dir.resolve("public.pem"), audit.key.publicKeyPem());
        vkey = Files.writeString(dir.resolve("vkey.txt"), audit.key.noteKey().verifierKey() + "\n");
        note = Files.writeString(dir.resolve("checkpoint.note"), latest.note());
        tiles = dir.resolve("log");
        LogTiles logTiles = new LogTiles(audit.mongo, audit.log, audit.checkpoints);
        for (TilePath t : List.of(
                new TilePath(0, 0, 256),
                new TilePath(0, 1, 44),
                new TilePath(1, 0, 1),
                new TilePath(TilePath.ENTRIES, 0, 256),
                new TilePath(TilePath.ENTRIES, 1, 44))) {
            Path file = tiles.resolve("tile/" + t.path());
            Files.createDirectories(file.getParent());
            Files.write(file, t.entries() ? logTiles.entryBundle(t) : logTiles.hashTile(t));
        }
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void aC2spCheckpointNoteVerifiesWithThePemKeyAndWithTheVerifierKey() {
        assertThat(run("checkpoint", "--key", pem.toString(), "--checkpoint", note.toString()))
                .isZero();
        assertThat(run("checkpoint", "--key", vkey.toString(), "--checkpoint", note.toString()))
                .isZero();
    }

    @Test
    void aNoteWithAnotherRootOrUnderAnotherOriginThanTheVerifierKeysNameFails() throws Exception {
        TlogCheckpoint c = latest.noteCheckpoint();
        String b64 = java.util.Base64.getEncoder().encodeToString(c.rootHash());
        String other =
                java.util.Base64.getEncoder().encodeToString(audit.log.tree().root(SIZE - 1));
        Path changed =
                Files.writeString(dir.resolve("changed.note"), latest.note().replace(b64, other));
        assertThat(run("checkpoint", "--key", pem.toString(), "--checkpoint", changed.toString()))
                .isEqualTo(1);
        // signed by the right key, but under a name that is not the log's
        var signer = new io.sanjiaodi.audit.checkpoint.note.NoteSigner(
                io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey.of("elsewhere.example/log", audit.key.publicKey()),
                audit.key.privateKey());
        Path renamed = Files.writeString(
                dir.resolve("renamed.note"),
                SignedNote.sign(new TlogCheckpoint("elsewhere.example/log", SIZE, c.rootHash()).text(), signer)
                        .format());
        assertThat(run("checkpoint", "--key", vkey.toString(), "--checkpoint", renamed.toString()))
                .isEqualTo(1);
    }

    @Test
    void theTreeRebuiltFromTheTilesHasTheCheckpointsRootAndAChangedTileOrEntryFails() throws Exception {
        assertThat(run("tiles", "--key", vkey.toString(), "--checkpoint", note.toString(), "--tiles", tiles.toString()))
                .isZero();
        for (String tile : List.of("tile/0/000", "tile/1/000.p/1", "tile/entries/001.p/44")) {
            Path file = tiles.resolve(tile);
            byte[] original = Files.readAllBytes(file);
            byte[] changed = original.clone();
            changed[changed.length - 3] ^= 1;
            Files.write(file, changed);
            assertThat(run(
                            "tiles",
                            "--key",
                            vkey.toString(),
                            "--checkpoint",
                            note.toString(),
                            "--tiles",
                            tiles.toString()))
                    .as(tile)
                    .isEqualTo(1);
            Files.write(file, original);
        }
    }

    private static int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.print(args[0] + " -> " + exit + "\n" + out.toString(StandardCharsets.UTF_8)); // in the report
        return exit;
    }
}

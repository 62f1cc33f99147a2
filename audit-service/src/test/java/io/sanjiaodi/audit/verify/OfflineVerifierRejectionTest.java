package io.sanjiaodi.audit.verify;

import static io.sanjiaodi.audit.verify.SignedLog.JSON;
import static io.sanjiaodi.audit.verify.SignedLog.SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.proof.ProofService.ConsistencyProof;
import io.sanjiaodi.audit.proof.ProofService.InclusionProof;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier rejects every forged, replayed or stale checkpoint, bad proof and damaged
 * export, exits non-zero, and its output names what failed: the checkpoint by size and root, the
 * leaf by index, the entry by index and event id, and why.
 */
class OfflineVerifierRejectionTest {

    private static final SignedLog LOG = new SignedLog();

    @TempDir
    Path dir;

    private Path key;

    @BeforeEach
    void writeKey() throws Exception {
        key = Files.writeString(
                dir.resolve("public.pem"),
                Keys.pem("PUBLIC KEY", LOG.key.getPublic().getEncoded()));
    }

    // --- checkpoint ---------------------------------------------------------------------------

    @Test
    void aGenuineCheckpointVerifiesAndTheOutputNamesItsSizeAndRoot() throws Exception {
        Result result = run("checkpoint", "--key", key(), "--checkpoint", write(LOG.checkpoint));
        assertThat(result.code()).isZero();
        assertThat(result.lines()).containsExactly(ok(LOG.checkpoint), "VERIFIED");
    }

    @Test
    void aForgedCheckpointIsRejectedAndNamedWhateverWasForged() throws Exception {
        Checkpoint c = LOG.checkpoint;
        for (Checkpoint forged : List.of(
                otherKey(c),
                new Checkpoint(c.treeSize(), LOG.oldCheckpoint.rootHash(), c.timestamp(), c.signature()),
                new Checkpoint(c.treeSize() + 1, c.rootHash(), c.timestamp(), c.signature()),
                new Checkpoint(c.treeSize(), c.rootHash(), c.timestamp() - 1, c.signature()))) {
            Result result = run("checkpoint", "--key", key(), "--checkpoint", write(forged));
            assertThat(result.code()).as("%s", forged).isEqualTo(1);
            assertThat(result.lines()).containsExactly(fail(forged), "FAILED");
        }
    }

    // --- inclusion ----------------------------------------------------------------------------

    @Test
    void anInclusionProofVerifiesAndEveryCheckItMadeIsReported() throws Exception {
        Result result = run("inclusion", "--key", key(), "--proof", write(LOG.inclusion(3, LOG.checkpoint)));
        assertThat(result.code()).isZero();
        assertThat(result.lines())
                .containsExactly(
                        ok(LOG.checkpoint),
                        "OK   leaf hash recomputed from the entry's fields and payload (event e3, ProblemItemAdded)",
                        "OK   inclusion of leaf 3 in the tree of size 12",
                        "VERIFIED");
    }

    /** The path proves the stored leaf; an entry edited after the fact no longer yields that leaf. */
    @Test
    void anEntryThatNoLongerHashesToTheProvenLeafIsRejectedThoughItsPathIsValid() throws Exception {
        InclusionProof proof = LOG.inclusion(3, LOG.checkpoint);
        ExportRecord e = proof.entry();
        ExportRecord edited =
                SignedLog.with(e, "ProblemItemRemoved", e.payloadHash(), e.prevLeafHash(), e.leafHash(), e.payload());
        Result result = run("inclusion", "--key", key(), "--proof", write(withEntry(proof, edited)));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .containsExactly(
                        ok(LOG.checkpoint),
                        "FAIL leaf hash recomputed from the entry's fields and payload (event e3, ProblemItemRemoved)",
                        "OK   inclusion of leaf 3 in the tree of size 12",
                        "FAILED");
    }

    @Test
    void aProofWithoutTheEntryProvesOnlyTheLeafHash() throws Exception {
        Result result =
                run("inclusion", "--key", key(), "--proof", write(withEntry(LOG.inclusion(3, LOG.checkpoint), null)));
        assertThat(result.code()).isZero();
        assertThat(result.lines())
                .containsExactly(ok(LOG.checkpoint), "OK   inclusion of leaf 3 in the tree of size 12", "VERIFIED");
    }

    @Test
    void aTamperedAuditPathIsRejectedAndTheLeafNamed() throws Exception {
        InclusionProof proof = LOG.inclusion(3, LOG.checkpoint);
        List<String> path = new ArrayList<>(proof.auditPath());
        path.set(1, flip(path.get(1)));
        InclusionProof tampered = new InclusionProof(
                proof.eventId(),
                proof.leafIndex(),
                proof.treeSize(),
                proof.leafHash(),
                path,
                proof.checkpoint(),
                proof.entry());
        Result result = run("inclusion", "--key", key(), "--proof", write(tampered));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines()).contains("FAIL inclusion of leaf 3 in the tree of size 12", "FAILED");
    }

    @Test
    void aProofCarryingAForgedCheckpointIsRejectedThoughThePathMatchesIt() throws Exception {
        InclusionProof proof = LOG.inclusion(3, LOG.checkpoint);
        Checkpoint forged = otherKey(LOG.checkpoint);
        InclusionProof withForged = new InclusionProof(
                proof.eventId(),
                proof.leafIndex(),
                proof.treeSize(),
                proof.leafHash(),
                proof.auditPath(),
                forged,
                proof.entry());
        Result result = run("inclusion", "--key", key(), "--proof", write(withForged));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .containsExactly(
                        fail(forged),
                        "OK   leaf hash recomputed from the entry's fields and payload (event e3, ProblemItemAdded)",
                        "OK   inclusion of leaf 3 in the tree of size 12",
                        "FAILED");
    }

    /** A checkpoint kept independently overrides the proof's own: an older one cannot vouch for this path. */
    @Test
    void aValidOlderCheckpointPresentedForAProofOfTheLatestTreeIsRejected() throws Exception {
        Result replayed = run(
                "inclusion",
                "--key",
                key(),
                "--proof",
                write(LOG.inclusion(3, LOG.checkpoint)),
                "--checkpoint",
                write(LOG.oldCheckpoint));
        assertThat(replayed.code()).isEqualTo(1);
        assertThat(replayed.lines())
                .contains(ok(LOG.oldCheckpoint), "FAIL inclusion of leaf 3 in the tree of size 6", "FAILED");

        Checkpoint old = LOG.oldCheckpoint;
        Checkpoint resized = new Checkpoint(SIZE, old.rootHash(), old.timestamp(), old.signature());
        Result forSize = run("inclusion", "--key", key(), "--proof", write(LOG.inclusion(3, resized)));
        assertThat(forSize.code()).isEqualTo(1);
        assertThat(forSize.lines()).contains(fail(resized), "FAILED");
    }

    @Test
    void aStaleCheckpointThatPredatesTheEntryCannotProveIt() throws Exception {
        Result result = run(
                "inclusion",
                "--key",
                key(),
                "--proof",
                write(LOG.inclusion(8, LOG.checkpoint)),
                "--checkpoint",
                write(LOG.oldCheckpoint));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines()).contains("FAIL inclusion of leaf 8 in the tree of size 6", "FAILED");
    }

    // --- consistency --------------------------------------------------------------------------

    @Test
    void aConsistencyProofVerifiesWithItsOwnCheckpointsOrWithOnesKeptEarlier() throws Exception {
        String proof = write(LOG.consistency(LOG.oldCheckpoint, LOG.checkpoint));
        List<String> expected =
                List.of(ok(LOG.oldCheckpoint), ok(LOG.checkpoint), "OK   tree 12 extends tree 6", "VERIFIED");
        Result own = run("consistency", "--key", key(), "--proof", proof);
        assertThat(own.code()).isZero();
        assertThat(own.lines()).containsExactlyElementsOf(expected);
        Result kept = run(
                "consistency",
                "--key",
                key(),
                "--proof",
                proof,
                "--old",
                write(LOG.oldCheckpoint),
                "--checkpoint",
                write(LOG.checkpoint));
        assertThat(kept.code()).isZero();
        assertThat(kept.lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void aForgedOlderCheckpointFailsTheConsistencyCheckAndIsNamed() throws Exception {
        Checkpoint forged = otherKey(LOG.oldCheckpoint);
        // given with --old it overrides the proof's own (genuine) first checkpoint
        Result result = run(
                "consistency",
                "--key",
                key(),
                "--proof",
                write(LOG.consistency(LOG.oldCheckpoint, LOG.checkpoint)),
                "--old",
                write(forged));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .containsExactly(fail(forged), ok(LOG.checkpoint), "OK   tree 12 extends tree 6", "FAILED");
    }

    @Test
    void aForgedNewerCheckpointFailsTheConsistencyCheckAndIsNamed() throws Exception {
        Checkpoint forged = otherKey(LOG.checkpoint);
        Result result = run(
                "consistency",
                "--key",
                key(),
                "--proof",
                write(LOG.consistency(LOG.oldCheckpoint, LOG.checkpoint)),
                "--checkpoint",
                write(forged));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .containsExactly(ok(LOG.oldCheckpoint), fail(forged), "OK   tree 12 extends tree 6", "FAILED");
    }

    @Test
    void aTamperedConsistencyProofIsRejectedBetweenGenuineCheckpoints() throws Exception {
        ConsistencyProof proof = LOG.consistency(LOG.oldCheckpoint, LOG.checkpoint);
        List<String> nodes = new ArrayList<>(proof.proof());
        nodes.set(0, flip(nodes.get(0)));
        ConsistencyProof tampered = new ConsistencyProof(
                proof.first(),
                proof.second(),
                proof.firstRootHash(),
                proof.secondRootHash(),
                nodes,
                proof.firstCheckpoint(),
                proof.secondCheckpoint());
        Result result = run("consistency", "--key", key(), "--proof", write(tampered));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .containsExactly(ok(LOG.oldCheckpoint), ok(LOG.checkpoint), "FAIL tree 12 extends tree 6", "FAILED");
    }

    @Test
    void anOlderCheckpointReplayedAsTheNewerOneOrTheTwoSwappedIsRejected() throws Exception {
        String proof = write(LOG.consistency(LOG.oldCheckpoint, LOG.checkpoint));
        Result replayed =
                run("consistency", "--key", key(), "--proof", proof, "--checkpoint", write(LOG.oldCheckpoint));
        assertThat(replayed.code()).isEqualTo(1);
        assertThat(replayed.lines()).contains("FAIL tree 6 extends tree 6", "FAILED");
        Result swapped = run(
                "consistency",
                "--key",
                key(),
                "--proof",
                proof,
                "--old",
                write(LOG.checkpoint),
                "--checkpoint",
                write(LOG.oldCheckpoint));
        assertThat(swapped.code()).isEqualTo(1);
        assertThat(swapped.lines()).contains("FAIL tree 6 extends tree 12", "FAILED");
    }

    @Test
    void aConsistencyProofFromASizeNeverCheckpointedNeedsTheOlderCheckpointGiven() throws Exception {
        ConsistencyProof proof = LOG.consistency(LOG.oldCheckpoint, LOG.checkpoint);
        ConsistencyProof withoutFirst = new ConsistencyProof(
                proof.first(),
                proof.second(),
                proof.firstRootHash(),
                proof.secondRootHash(),
                proof.proof(),
                null,
                proof.secondCheckpoint());
        Result result = run("consistency", "--key", key(), "--proof", write(withoutFirst));
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.lines()).containsExactly("ERROR need the older checkpoint (--old) and the newer one");
    }

    // --- export -------------------------------------------------------------------------------

    @Test
    void anUntouchedExportVerifiesAndTheSummaryNamesWhatWasVerified() throws Exception {
        long started = System.nanoTime();
        Result result = export(LOG.lines(), List.of(LOG.oldCheckpoint, LOG.checkpoint));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000 + 1;
        assertThat(result.code()).isZero();
        assertThat(result.lines()).hasSize(2).last().isEqualTo("VERIFIED");
        Matcher summary = Pattern.compile(
                        "OK {3}12 entries re-verified in (\\d+) ms, 2 checkpoint\\(s\\), verified tree size 12")
                .matcher(result.lines().get(0));
        assertThat(summary.matches()).as(result.lines().get(0)).isTrue();
        assertThat(Long.parseLong(summary.group(1))).isBetween(1L, elapsedMillis);
    }

    /** An export is verified against what the checkpoints vouch for; the summary says how much that is. */
    @Test
    void anExportCheckedAgainstAStaleCheckpointIsVerifiedOnlyUpToThatCheckpoint() throws Exception {
        Path single = dir.resolve("old.json");
        JSON.writeValue(single.toFile(), LOG.oldCheckpoint); // one object rather than the array
        Path export = Files.write(dir.resolve("log.jsonl"), LOG.lines());
        Result result = run("export", "--key", key(), "--export", export.toString(), "--checkpoint", single.toString());
        assertThat(result.lines().get(0))
                .startsWith("OK   12 entries re-verified in ")
                .endsWith(" 1 checkpoint(s), verified tree size 6");
    }

    @Test
    void anExportCheckedAgainstAForgedCheckpointIsRejectedAndTheCheckpointNamed() throws Exception {
        Result result = export(LOG.lines(), List.of(LOG.oldCheckpoint, otherKey(LOG.checkpoint)));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines().get(0)).startsWith("FAIL 12 entries").endsWith("verified tree size 6");
        assertThat(result.lines())
                .containsSubsequence(
                        "FAIL index null event null: CHECKPOINT_SIGNATURE_INVALID checkpoint 12 is not signed by this key",
                        "FAILED");
    }

    @Test
    void anExportCheckedAgainstACheckpointReplayedForAnotherSizeIsRejected() throws Exception {
        Checkpoint old = LOG.oldCheckpoint;
        Checkpoint replayed = new Checkpoint(SIZE, old.rootHash(), old.timestamp(), old.signature());
        Result result = export(LOG.lines(), List.of(replayed));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .contains(
                        "FAIL index null event null: CHECKPOINT_SIGNATURE_INVALID checkpoint 12 is not signed by this key");
    }

    @Test
    void aTruncatedExportIsNamedAtItsFirstMissingIndex() throws Exception {
        Result result = export(LOG.lines().subList(0, 10), List.of(LOG.oldCheckpoint, LOG.checkpoint));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .contains(
                        "FAIL index 10 event null: LOG_TRUNCATED checkpoint 12 is signed but the log holds 10 entries");
    }

    @Test
    void aDuplicatedExportLineIsNamed() throws Exception {
        List<String> lines = new ArrayList<>(LOG.lines());
        lines.add(5, lines.get(4));
        Result result = export(lines, List.of(LOG.oldCheckpoint, LOG.checkpoint));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .containsExactly(
                        result.lines().get(0),
                        "FAIL index 4 event e4: ENTRY_DUPLICATED a second entry claims this index",
                        "FAILED");
    }

    @Test
    void reorderedExportLinesAreNamedAtTheFirstDisplacedIndex() throws Exception {
        List<String> lines = new ArrayList<>(LOG.lines());
        Collections.swap(lines, 3, 4);
        Result result = export(lines, List.of(LOG.oldCheckpoint, LOG.checkpoint));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines().subList(1, 3))
                .containsExactly(
                        "FAIL index 3 event null: ENTRY_MISSING no entry at this index (deleted)",
                        "FAIL index 3 event e3: ENTRY_DUPLICATED a second entry claims this index");
    }

    @Test
    void aBrokenHashChainInTheExportIsNamedAtTheEntryWhoseLinkIsWrong() throws Exception {
        List<String> lines = new ArrayList<>(LOG.lines());
        ExportRecord r = LOG.records.get(7);
        lines.set(7, SignedLog.line(SignedLog.withPrevLeafHash(r, Sha256.hex(LOG.tree.leafHash(1)))));
        Result result = export(lines, List.of(LOG.oldCheckpoint, LOG.checkpoint));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .containsExactly(
                        result.lines().get(0),
                        "FAIL index 7 event e7: CHAIN_BROKEN the link to sequence 1 of iv-2 does not match that entry's"
                                + " recomputed leaf",
                        "FAILED");
    }

    @Test
    void anExportedPayloadNumberBeyondADoubleIsNamedRatherThanAbortingTheRun() throws Exception {
        List<String> lines = new ArrayList<>(LOG.lines());
        assertThat(lines.get(8)).contains("\"listVersion\":8");
        lines.set(8, lines.get(8).replace("\"listVersion\":8", "\"listVersion\":1e400"));
        Result result = export(lines, List.of(LOG.oldCheckpoint, LOG.checkpoint));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines())
                .contains("FAIL index 8 event e8: PAYLOAD_CHANGED the payload holds a number JSON cannot (NaN or an"
                        + " infinity)");
    }

    // --- usage --------------------------------------------------------------------------------

    @Test
    void missingOrUnpairedArgumentsPrintTheUsageAndExitWithTwo() {
        for (String[] args : List.of(new String[0], new String[] {"export", "--key"})) {
            Result result = run(args);
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.lines()).singleElement().asString().startsWith("usage: OfflineVerifier ");
        }
    }

    @Test
    void unknownCommandsAndMissingOptionsAreInputErrorsNamedInTheOutput() throws Exception {
        Result unknown = run("frobnicate", "--key", key());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.lines()).containsExactly("ERROR unknown command frobnicate");
        Result noKey = run("checkpoint", "--checkpoint", write(LOG.checkpoint));
        assertThat(noKey.code()).isEqualTo(2);
        assertThat(noKey.lines()).containsExactly("ERROR missing --key");
        Result noExport = run("export", "--key", key(), "--checkpoint", write(LOG.checkpoint));
        assertThat(noExport.code()).isEqualTo(2);
        assertThat(noExport.lines()).containsExactly("ERROR missing --export");
    }

    // --- helpers ------------------------------------------------------------------------------

    record Result(int code, String out) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private Result export(List<String> lines, List<Checkpoint> checkpoints) throws Exception {
        Path export = Files.write(dir.resolve("log.jsonl"), lines);
        return run("export", "--key", key(), "--export", export.toString(), "--checkpoint", write(checkpoints));
    }

    private String key() {
        return key.toString();
    }

    private int files;

    private String write(Object value) throws Exception {
        Path file = dir.resolve("f" + files++ + ".json");
        JSON.writeValue(file.toFile(), value);
        return file.toString();
    }

    private static String ok(Checkpoint c) {
        return "OK   checkpoint signature, tree size " + c.treeSize() + ", root " + c.rootHash();
    }

    private static String fail(Checkpoint c) {
        return "FAIL checkpoint signature, tree size " + c.treeSize() + ", root " + c.rootHash();
    }

    /** The same statement signed by a key the verifier was not given. */
    private static Checkpoint otherKey(Checkpoint c) {
        return Checkpoint.sign(c.treeSize(), c.root(), c.timestamp(), LOG.otherKey.getPrivate());
    }

    private static InclusionProof withEntry(InclusionProof p, ExportRecord entry) {
        return new InclusionProof(
                p.eventId(), p.leafIndex(), p.treeSize(), p.leafHash(), p.auditPath(), p.checkpoint(), entry);
    }

    private static String flip(String hex) {
        return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    }
}

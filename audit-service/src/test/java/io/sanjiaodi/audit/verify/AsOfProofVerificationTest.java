package io.sanjiaodi.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.verify.asof.AsOfProof;
import io.sanjiaodi.audit.verify.asof.AsOfProof.ProvenEntry;
import io.sanjiaodi.audit.verify.asof.AsOfProof.Successor;
import io.sanjiaodi.audit.verify.asof.AsOfVerifier;
import io.sanjiaodi.audit.verify.asof.Finding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An as-of proof over {@link SignedLog}: iv-1 holds the even indexes (sequence = index / 2), so as
 * of the checkpoint of size 6 it has sequences 0..2 (indexes 0, 2, 4) and its sequence 3 (index 6)
 * lies beyond, included in the checkpoint of size 12.
 */
class AsOfProofVerificationTest {

    private final SignedLog log = new SignedLog();

    @TempDir
    Path dir;

    @Test
    void anHonestProofVerifiesOfflineThroughTheVerifiersAsofCommand() throws Exception {
        Path key = Files.writeString(
                dir.resolve("k.pem"), Keys.pem("PUBLIC KEY", log.key.getPublic().getEncoded()));
        Path proof = dir.resolve("p.json");
        SignedLog.JSON.writeValue(proof.toFile(), honest());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(
                new String[] {"asof", "--key", key.toString(), "--proof", proof.toString()},
                new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(exit).as(text.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("VERIFIED", "CONSISTENT", "SUMMARY");
    }

    @Test
    void withoutALaterEventTheLatestCheckpointVerifiesAndTheVerifierSaysWhatItCannotProve() {
        List<ProvenEntry> events = new ArrayList<>();
        for (int i = 0; i < SignedLog.SIZE; i += 2) {
            events.add(entry(i, log.checkpoint));
        }
        AsOfProof proof = new AsOfProof("iv-1", log.checkpoint, events, null, log.checkpoint, List.of(), summary(6, 5));
        List<Finding> findings = AsOfVerifier.verify(proof, log.key.getPublic());
        assertThat(AsOfVerifier.ok(findings)).isTrue();
        assertThat(findings).extracting(Finding::code).contains("NO_SUCCESSOR_STATED", "CONSISTENT");
    }

    @Test
    void aChangedEventIsNamed() {
        AsOfProof honest = honest();
        List<ProvenEntry> events = new ArrayList<>(honest.events());
        ExportRecord e = events.get(1).entry();
        events.set(
                1,
                new ProvenEntry(
                        SignedLog.with(
                                e, e.type(), e.payloadHash(), e.prevLeafHash(), e.leafHash(), Map.of("text", "改过")),
                        events.get(1).auditPath()));
        assertThat(failures(with(honest, events, honest.successor(), honest.summary())))
                .containsExactly("EVENT_TAMPERED event e2 (index 2, sequence 1)");
    }

    @Test
    void anEventDroppedInTheMiddleBreaksTheChain() {
        AsOfProof honest = honest();
        List<ProvenEntry> events =
                List.of(honest.events().get(0), honest.events().get(2));
        assertThat(failures(with(honest, events, honest.successor(), summary(2, 2))))
                .contains("CHAIN_GAP event e4 (index 4, sequence 2)");
    }

    @Test
    void theLastEventDroppedToClaimAnOlderStateIsCaughtByWhereItsSuccessorSits() {
        AsOfProof honest = honest();
        List<ProvenEntry> events = honest.events().subList(0, 2);
        // the dropped event is the only entry of sequence 2 there is to offer as the next one
        Successor successor = new Successor(entry(4, log.checkpoint), log.checkpoint, consistency(6, 12));
        assertThat(failures(with(honest, events, successor, summary(2, 1))))
                .containsExactly("SUCCESSOR_PRECEDES_CHECKPOINT successor event e4 (index 4, sequence 2)");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyFails() {
        AsOfProof honest = honest();
        Checkpoint forged =
                Checkpoint.sign(SignedLog.OLD_SIZE, log.tree.root(SignedLog.OLD_SIZE), 1L, log.otherKey.getPrivate());
        AsOfProof proof =
                new AsOfProof("iv-1", forged, honest.events(), honest.successor(), null, null, honest.summary());
        assertThat(failures(proof)).containsExactly("CHECKPOINT_SIGNATURE checkpoint 6");
    }

    @Test
    void aSummaryThatDoesNotMatchItsEventsFails() {
        AsOfProof honest = honest();
        assertThat(failures(with(honest, honest.events(), honest.successor(), summary(4, 3))))
                .containsExactly("SUMMARY_MISMATCH iv-1");
    }

    @Test
    void aSuccessorOfAnotherSequenceOrChainOrFromAForkIsRefusedByName() {
        AsOfProof honest = honest();
        ExportRecord next = log.exported(6);
        Successor skipped = new Successor(entry(8, log.checkpoint), log.checkpoint, consistency(6, 12));
        assertThat(failures(with(honest, honest.events(), skipped, honest.summary())))
                .containsExactly(
                        "SUCCESSOR_WRONG_SEQUENCE successor event e8 (index 8, sequence 4)",
                        "SUCCESSOR_NOT_LINKED successor event e8 (index 8, sequence 4)");
        Successor unlinked = new Successor(
                new ProvenEntry(
                        SignedLog.withPrevLeafHash(next, Sha256.hex(new byte[32])),
                        entry(6, log.checkpoint).auditPath()),
                log.checkpoint,
                consistency(6, 12));
        assertThat(failures(with(honest, honest.events(), unlinked, honest.summary())))
                .contains("SUCCESSOR_NOT_LINKED successor event e6 (index 6, sequence 3)");
        Successor fork = new Successor(entry(6, log.checkpoint), log.checkpoint, consistency(4, 12));
        assertThat(failures(with(honest, honest.events(), fork, honest.summary())))
                .containsExactly("INCONSISTENT checkpoints");
        Successor unproven = new Successor(new ProvenEntry(next, List.of()), log.checkpoint, consistency(6, 12));
        assertThat(failures(with(honest, honest.events(), unproven, honest.summary())))
                .containsExactly("SUCCESSOR_NOT_INCLUDED successor event e6 (index 6, sequence 3)");
        Successor beyond = new Successor(entry(6, log.checkpoint), log.oldCheckpoint, List.of());
        assertThat(failures(with(honest, honest.events(), beyond, honest.summary())))
                .contains("SUCCESSOR_NOT_INCLUDED successor event e6 (index 6, sequence 3)");
        assertThat(failures(with(honest, honest.events(), new Successor(entry(6, log.checkpoint), null, null), null)))
                .containsExactly("SUCCESSOR_CHECKPOINT_MISSING successor event e6 (index 6, sequence 3)");
    }

    @Test
    void anEventOfAnotherAggregateOrBeyondTheCheckpointOrOffTheTreeIsRefusedByName() {
        AsOfProof honest = honest();
        List<ProvenEntry> other = List.of(entry(0, log.oldCheckpoint), entry(1, log.oldCheckpoint));
        assertThat(failures(with(honest, other, null, null)))
                .contains("EVENT_OTHER_AGGREGATE event e1 (index 1, sequence 0)");
        List<ProvenEntry> beyond = new ArrayList<>(honest.events());
        beyond.add(entry(6, log.checkpoint));
        assertThat(failures(with(honest, beyond, null, null)))
                .contains("EVENT_AFTER_CHECKPOINT event e6 (index 6, sequence 3)");
        List<ProvenEntry> offTree = new ArrayList<>(honest.events());
        offTree.set(2, new ProvenEntry(offTree.get(2).entry(), offTree.get(1).auditPath()));
        assertThat(failures(with(honest, offTree, honest.successor(), honest.summary())))
                .containsExactly("EVENT_NOT_INCLUDED event e4 (index 4, sequence 2)");
        assertThat(failures(new AsOfProof("iv-1", null, List.of(), null, null, null, null)))
                .containsExactly("CHECKPOINT_MISSING iv-1");
        assertThat(failures(new AsOfProof("iv-1", log.oldCheckpoint, honest.events(), null, null, null, null)))
                .containsExactly("SUCCESSOR_OR_LATEST_MISSING iv-1");
    }

    @Test
    void aWithheldPayloadIsIncludedAndLinkedButNotRecomputedAndSaysSo() {
        AsOfProof honest = honest();
        ExportRecord e = honest.events().get(1).entry();
        ExportRecord withheld = new ExportRecord(
                e.logIndex(), null, null, null, "iv-1", 1L, null, -1, null, null, e.prevLeafHash(), e.leafHash(), null);
        List<ProvenEntry> events = new ArrayList<>(honest.events());
        events.set(1, new ProvenEntry(withheld, events.get(1).auditPath()));
        List<Finding> findings =
                AsOfVerifier.verify(with(honest, events, honest.successor(), honest.summary()), log.key.getPublic());
        assertThat(AsOfVerifier.ok(findings)).as(findings.toString()).isTrue();
        assertThat(findings)
                .filteredOn(f -> f.code().equals("EVENT_WITHHELD"))
                .extracting(Finding::subject)
                .containsExactly("event #2 (index 2, sequence 1)");
    }

    @Test
    void theAsofCommandExitsOneAndRepeatsWhatFailedByCode() throws Exception {
        Path key = Files.writeString(
                dir.resolve("k.pem"), Keys.pem("PUBLIC KEY", log.key.getPublic().getEncoded()));
        Path proof = dir.resolve("p.json");
        AsOfProof honest = honest();
        SignedLog.JSON.writeValue(proof.toFile(), with(honest, honest.events(), honest.successor(), summary(4, 2)));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(
                new String[] {"asof", "--key", key.toString(), "--proof", proof.toString()},
                new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("OK   INCLUDED event e0", "FAIL SUMMARY_MISMATCH iv-1", "FAILED SUMMARY_MISMATCH iv-1")
                .doesNotContain("FAILED CHAIN");
    }

    @Test
    void eachSummaryFieldIsComparedWithTheEvents() {
        AsOfProof honest = honest();
        Map<String, Object> right = summary(3, 2);
        for (String field : List.of("events", "lastSequence", "lastEventType", "eventTypes")) {
            Map<String, Object> wrong = new java.util.HashMap<>(right);
            wrong.put(field, "x");
            assertThat(details(with(honest, honest.events(), honest.successor(), wrong), "SUMMARY_MISMATCH"))
                    .as(field)
                    .singleElement()
                    .asString()
                    .contains("[" + field + "]");
        }
        assertThat(details(
                        with(honest, List.of(), null, Map.of("events", 0, "eventTypes", Map.of())), "SUMMARY_MISMATCH"))
                .isEmpty();
    }

    @Test
    void aForgedLinkIsNamedAsAChangedEventAndABrokenChain() {
        AsOfProof honest = honest();
        List<ProvenEntry> events = new ArrayList<>(honest.events());
        ExportRecord e = events.get(2).entry();
        events.set(
                2,
                new ProvenEntry(
                        SignedLog.withPrevLeafHash(e, Sha256.hex(new byte[32])),
                        events.get(2).auditPath()));
        assertThat(failures(with(honest, events, honest.successor(), honest.summary())))
                .containsExactly(
                        "EVENT_TAMPERED event e4 (index 4, sequence 2)", "CHAIN_BROKEN event e4 (index 4, sequence 2)");
        assertThat(details(with(honest, events, honest.successor(), honest.summary()), "CHAIN_BROKEN"))
                .singleElement()
                .asString()
                .contains("sequence 1 given before it");
        events.set(
                2,
                new ProvenEntry(
                        SignedLog.with(e, e.type(), e.payloadHash(), e.prevLeafHash(), "zz", e.payload()),
                        events.get(2).auditPath()));
        assertThat(failures(with(honest, events, honest.successor(), honest.summary())))
                .contains("EVENT_TAMPERED event e4 (index 4, sequence 2)");
    }

    @Test
    void aSuccessorBeyondItsOwnCheckpointIsSaidToBeSo() {
        AsOfProof honest = honest();
        Successor beyond = new Successor(entry(6, log.checkpoint), log.oldCheckpoint, List.of());
        assertThat(details(with(honest, honest.events(), beyond, honest.summary()), "SUCCESSOR_NOT_INCLUDED"))
                .singleElement()
                .asString()
                .contains("beyond its checkpoint's tree size");
    }

    private List<String> details(AsOfProof proof, String code) {
        return AsOfVerifier.verify(proof, log.key.getPublic()).stream()
                .filter(f -> f.code().equals(code) && !f.ok())
                .map(Finding::detail)
                .toList();
    }

    /** iv-1 as of the checkpoint of size 6, its next event proven in the checkpoint of size 12. */
    private AsOfProof honest() {
        List<ProvenEntry> events =
                List.of(entry(0, log.oldCheckpoint), entry(2, log.oldCheckpoint), entry(4, log.oldCheckpoint));
        Successor successor = new Successor(entry(6, log.checkpoint), log.checkpoint, consistency(6, 12));
        return new AsOfProof("iv-1", log.oldCheckpoint, events, successor, null, null, summary(3, 2));
    }

    private static AsOfProof with(AsOfProof p, List<ProvenEntry> events, Successor successor, Object summary) {
        return new AsOfProof(p.aggregateId(), p.checkpoint(), events, successor, null, null, summary);
    }

    private ProvenEntry entry(int index, Checkpoint in) {
        return new ProvenEntry(
                log.exported(index),
                log.tree.inclusionProof(index, in.treeSize()).stream()
                        .map(Sha256::hex)
                        .toList());
    }

    private List<String> consistency(long from, long to) {
        return log.tree.consistencyProof(from, to).stream().map(Sha256::hex).toList();
    }

    private static Map<String, Object> summary(int events, long lastSequence) {
        return Map.of(
                "events",
                events,
                "lastSequence",
                lastSequence,
                "lastEventType",
                "ProblemItemAdded",
                "eventTypes",
                Map.of("ProblemItemAdded", events));
    }

    private List<String> failures(AsOfProof proof) {
        return AsOfVerifier.verify(proof, log.key.getPublic()).stream()
                .filter(f -> !f.ok())
                .map(f -> f.code() + " " + f.subject())
                .toList();
    }
}

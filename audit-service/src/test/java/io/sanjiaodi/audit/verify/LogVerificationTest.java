package io.sanjiaodi.audit.verify;

import static io.sanjiaodi.audit.verify.SignedLog.OLD_SIZE;
import static io.sanjiaodi.audit.verify.SignedLog.SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.leaf.Leaf;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.verify.LogVerification.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Full-log re-verification as {@code POST /api/audit/verify} and the offline export mode run it:
 * every forged, replayed or stale checkpoint and every truncated, duplicated, reordered, relinked
 * or edited entry is rejected and named (index and event id, or the checkpoint's size, and why).
 * "As the service" adds the appender's witness (event ids and leaf hashes it appended).
 */
class LogVerificationTest {

    private static final SignedLog LOG = new SignedLog();
    private static final String CHANGE_AFTER_6 =
            "the recomputed root of the first 12 entries differs from the signed one;"
                    + " the change lies after tree size 6";

    private final List<ExportRecord> records = new ArrayList<>(LOG.records);

    @Test
    void anUntouchedLogVerifiesAgainstEveryCheckpoint() {
        VerificationReport report = standalone(records, both());
        assertThat(report).isEqualTo(new VerificationReport(true, SIZE, 2, (long) SIZE, 0, List.of(), 0, 0));
        assertThat(asService(records, both())).isEqualTo(report);
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRejectedAndNamedThoughItsRootMatchesTheLog() {
        Checkpoint forged = Checkpoint.sign(SIZE, LOG.tree.root(SIZE), 1542272460000L, LOG.otherKey.getPrivate());
        for (VerificationReport report : List.of(
                standalone(records, List.of(LOG.oldCheckpoint, forged)),
                asService(records, List.of(LOG.oldCheckpoint, forged)))) {
            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).containsExactly(signatureInvalid(SIZE));
            assertThat(report.verifiedTreeSize())
                    .as("only the genuine checkpoint counts")
                    .isEqualTo(OLD_SIZE);
            assertThat(report.checkpointsChecked()).isEqualTo(2);
        }
    }

    @Test
    void aGenuineCheckpointWithAnAlteredRootSizeOrTimestampIsRejectedAsForged() {
        Checkpoint c = LOG.checkpoint;
        Checkpoint otherRoot = new Checkpoint(SIZE, Sha256.hex(LOG.tree.root(SIZE - 1)), c.timestamp(), c.signature());
        Checkpoint otherSize =
                new Checkpoint(SIZE - 1, Sha256.hex(LOG.tree.root(SIZE - 1)), c.timestamp(), c.signature());
        Checkpoint otherTime = new Checkpoint(SIZE, c.rootHash(), c.timestamp() + 1, c.signature());
        assertThat(standalone(records, List.of(otherRoot)).problems()).containsExactly(signatureInvalid(SIZE));
        assertThat(standalone(records, List.of(otherSize)).problems()).containsExactly(signatureInvalid(SIZE - 1));
        assertThat(standalone(records, List.of(otherTime)).problems()).containsExactly(signatureInvalid(SIZE));
        assertThat(standalone(records, List.of(otherTime)).verifiedTreeSize()).isNull();
    }

    @Test
    void aValidOlderCheckpointReplayedAsTheLatestForAnotherSizeIsRejectedAsForged() {
        Checkpoint old = LOG.oldCheckpoint;
        Checkpoint replayed = new Checkpoint(SIZE, old.rootHash(), old.timestamp(), old.signature());
        VerificationReport report = asService(records, List.of(old, replayed));
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).containsExactly(signatureInvalid(SIZE));
        assertThat(report.verifiedTreeSize()).isEqualTo(OLD_SIZE);
    }

    /** A checkpoint the key really signed, but over another history (a fork, or another log's): named by size. */
    @Test
    void aProperlySignedCheckpointOfAnotherHistoryIsARootMismatchNamingWhereTheHistoriesPart() {
        Checkpoint fork = Checkpoint.sign(
                SIZE, Sha256.leafHash("fork".getBytes(StandardCharsets.UTF_8)), 1542272460000L, LOG.key.getPrivate());
        // given in any order: checkpoints are checked by size
        VerificationReport report = asService(records, List.of(fork, LOG.oldCheckpoint));
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).containsExactly(new Problem(null, null, "ROOT_MISMATCH", CHANGE_AFTER_6));
        assertThat(report.verifiedTreeSize()).isEqualTo(OLD_SIZE);
        assertThat(standalone(records, List.of(fork)).problems())
                .extracting(Problem::detail)
                .containsExactly("the recomputed root of the first 12 entries differs from the signed one;"
                        + " the change lies after tree size 0");
    }

    @Test
    void aTruncatedLogIsNamedAtItsFirstMissingIndexAgainstTheCheckpointThatCoversIt() {
        List<ExportRecord> truncated = records.subList(0, 10);
        String detail = "checkpoint 12 is signed but the log holds 10 entries";
        VerificationReport report = standalone(truncated, both());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).containsExactly(new Problem(10L, null, "LOG_TRUNCATED", detail));
        assertThat(report.verifiedTreeSize()).isEqualTo(OLD_SIZE);
        assertThat(report.entries()).isEqualTo(10);
        assertThat(asService(truncated, both()).problems())
                .as("the service knows what it appended there")
                .containsExactly(
                        new Problem(10L, "e10", "ENTRY_MISSING", "no entry at this index (deleted)"),
                        new Problem(11L, "e11", "ENTRY_MISSING", "no entry at this index (deleted)"));
    }

    @Test
    void aDuplicatedEntryIsNamedAndKeptOutOfTheTree() {
        records.add(5, records.get(4));
        VerificationReport report = standalone(records, both());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems())
                .containsExactly(new Problem(4L, "e4", "ENTRY_DUPLICATED", "a second entry claims this index"));
        assertThat(report.entries()).isEqualTo(SIZE);
        assertThat(report.verifiedTreeSize()).isEqualTo(SIZE);
    }

    @Test
    void reorderedEntriesAreNamedAsAGapAndADuplicateAtTheFirstDisplacedIndex() {
        Collections.swap(records, 3, 4);
        VerificationReport report = asService(records, both());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems())
                .startsWith(
                        new Problem(3L, "e3", "ENTRY_MISSING", "no entry at this index (deleted)"),
                        new Problem(3L, "e3", "ENTRY_DUPLICATED", "a second entry claims this index"));
    }

    /** Entry 7 is sequence 2 of iv-2; its real predecessor is entry 3 (sequence 1). */
    @Test
    void aForgedChainLinkIsNamedEvenWhenTheForgerRecomputedTheLeafUnderIt() {
        ExportRecord r = records.get(7);
        byte[] forgedLink = LOG.tree.leafHash(1); // skips sequence 1
        String forgedLeaf =
                Sha256.hex(r.leaf(Sha256.unhex(r.payloadHash()), forgedLink).hash());
        records.set(7, SignedLog.with(r, r.type(), r.payloadHash(), Sha256.hex(forgedLink), forgedLeaf, r.payload()));
        Problem chainBroken = new Problem(
                7L, "e7", "CHAIN_BROKEN", "the link to sequence 1 of iv-2 does not match that entry's recomputed leaf");
        assertThat(standalone(records, both()).problems()).containsExactly(chainBroken);
        assertThat(asService(records, both()).problems()).containsExactly(chainBroken);
    }

    @Test
    void aChainLinkThatIsNoHashAtAllIsABrokenChain() {
        records.set(7, SignedLog.withPrevLeafHash(records.get(7), "not a hash"));
        records.set(0, SignedLog.withPrevLeafHash(records.get(0), "00"));
        assertThat(standalone(records, both()).problems())
                .extracting(Problem::index, Problem::eventId, Problem::code)
                .containsExactly(tuple(0L, "e0", "CHAIN_BROKEN"), tuple(7L, "e7", "CHAIN_BROKEN"));
    }

    @Test
    void aChangedFieldUnderTheStoredHashesIsNamedAtThatEntry() {
        ExportRecord r = records.get(2);
        records.set(
                2,
                SignedLog.with(r, "ProblemItemRemoved", r.payloadHash(), r.prevLeafHash(), r.leafHash(), r.payload()));
        VerificationReport report = standalone(records, both());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0))
                .isEqualTo(new Problem(2L, "e2", "ENTRY_CHANGED", "the fields no longer hash to the stored leaf hash"));
        assertThat(report.verifiedTreeSize()).isNull();
    }

    /** Entry 10 is the last of iv-1, so nothing links to it: only the witness or a checkpoint can tell. */
    @Test
    void anEntryRewrittenWithConsistentHashesIsNamedByTheWitnessAndCaughtByTheCheckpoint() {
        ExportRecord r = records.get(10);
        String leaf = Sha256.hex(new Leaf(
                        r.eventId(),
                        "ProblemItemRemoved",
                        r.source(),
                        r.aggregateId(),
                        r.aggregateSequence(),
                        r.eventTime(),
                        r.recordedAt(),
                        r.actor(),
                        Sha256.unhex(r.payloadHash()),
                        Sha256.unhex(r.prevLeafHash()))
                .hash());
        records.set(10, SignedLog.with(r, "ProblemItemRemoved", r.payloadHash(), r.prevLeafHash(), leaf, r.payload()));
        assertThat(asService(records, both()).problems())
                .containsExactly(
                        new Problem(
                                10L, "e10", "ENTRY_CHANGED", "the entry differs from the leaf appended at this index"),
                        new Problem(null, null, "ROOT_MISMATCH", CHANGE_AFTER_6));
        assertThat(standalone(records, both()).problems())
                .containsExactly(new Problem(null, null, "ROOT_MISMATCH", CHANGE_AFTER_6));
    }

    /** Entry 5 belongs to no aggregate, so no chain breaks after it. */
    @Test
    void aDeletedEntryIsNamedAndTheWitnessKeepsTheSignedRootsVerifiable() {
        records.remove(5);
        VerificationReport service = asService(records, both());
        assertThat(service.problems())
                .containsExactly(new Problem(5L, "e5", "ENTRY_MISSING", "no entry at this index (deleted)"));
        assertThat(service.verifiedTreeSize()).isEqualTo(SIZE);
        VerificationReport alone = standalone(records, both());
        assertThat(alone.problems())
                .extracting(Problem::index, Problem::eventId, Problem::code)
                .containsExactly(
                        tuple(5L, null, "ENTRY_MISSING"),
                        tuple(null, null, "ROOT_MISMATCH"),
                        tuple(null, null, "ROOT_MISMATCH"));
    }

    @Test
    void entriesDeletedAfterTheLatestCheckpointAreNamedFromWhatTheAppenderRecorded() {
        LogVerification verification = service();
        records.subList(0, 10).forEach(verification::accept);
        verification.expectEntries(SIZE);
        VerificationReport report = verification.finish(List.of(LOG.oldCheckpoint), LOG.key.getPublic());
        assertThat(report.problems())
                .containsExactly(
                        new Problem(10L, "e10", "ENTRY_MISSING", "no entry at this index (deleted)"),
                        new Problem(11L, "e11", "ENTRY_MISSING", "no entry at this index (deleted)"));
        assertThat(report.entries()).isEqualTo(SIZE);
    }

    @Test
    void theSizeCountsEveryIndexAcceptedSoFarIncludingGaps() {
        LogVerification verification = LogVerification.standalone();
        records.subList(0, 4).forEach(verification::accept);
        assertThat(verification.size()).isEqualTo(4);
        verification.accept(records.get(7));
        assertThat(verification.size()).as("indexes 4 to 6 missing").isEqualTo(8);
    }

    @Test
    void theReportKeepsTheFirstHundredProblemsAndCountsAll() {
        for (int i = 0; i < 150; i++) {
            records.add(records.get(4));
        }
        VerificationReport report = standalone(records, both());
        assertThat(report.problemCount()).isEqualTo(150);
        assertThat(report.problems())
                .hasSize(100)
                .allSatisfy(p -> assertThat(p.code()).isEqualTo("ENTRY_DUPLICATED"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEditedPayloadIsNamedAndOneThatIsNoLongerJsonIsNamedAsSuch() {
        ExportRecord r = records.get(8);
        Map<String, Object> edited = new HashMap<>((Map<String, Object>) r.payload());
        edited.put("listVersion", 9);
        records.set(8, SignedLog.with(r, r.type(), r.payloadHash(), r.prevLeafHash(), r.leafHash(), edited));
        Map<String, Object> notJson =
                new HashMap<>((Map<String, Object>) records.get(9).payload());
        notJson.put("listVersion", Double.POSITIVE_INFINITY);
        ExportRecord s = records.get(9);
        records.set(9, SignedLog.with(s, s.type(), s.payloadHash(), s.prevLeafHash(), s.leafHash(), notJson));
        assertThat(asService(records, both()).problems())
                .startsWith(
                        new Problem(
                                8L, "e8", "PAYLOAD_CHANGED", "the payload no longer hashes to the stored payload hash"),
                        new Problem(
                                9L,
                                "e9",
                                "PAYLOAD_CHANGED",
                                "the payload holds a number JSON cannot (NaN or an infinity)"));
    }

    private static Problem signatureInvalid(long size) {
        return new Problem(
                null, null, "CHECKPOINT_SIGNATURE_INVALID", "checkpoint " + size + " is not signed by this key");
    }

    private static List<Checkpoint> both() {
        return List.of(LOG.oldCheckpoint, LOG.checkpoint);
    }

    private static VerificationReport standalone(List<ExportRecord> entries, List<Checkpoint> checkpoints) {
        LogVerification verification = LogVerification.standalone();
        entries.forEach(verification::accept);
        return verification.finish(checkpoints, LOG.key.getPublic());
    }

    /** As StoredLogVerifier runs it: with the appender's event ids and leaf hashes of all twelve entries. */
    private static VerificationReport asService(List<ExportRecord> entries, List<Checkpoint> checkpoints) {
        LogVerification verification = service();
        entries.forEach(verification::accept);
        verification.expectEntries(SIZE);
        return verification.finish(checkpoints, LOG.key.getPublic());
    }

    private static LogVerification service() {
        return new LogVerification(i -> i < SIZE ? "e" + i : null, i -> i < SIZE ? LOG.tree.leafHash(i) : null);
    }
}

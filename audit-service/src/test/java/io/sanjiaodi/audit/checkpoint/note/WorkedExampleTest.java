package io.sanjiaodi.audit.checkpoint.note;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.merkle.MerkleTree;
import io.sanjiaodi.audit.merkle.Sha256;
import io.sanjiaodi.audit.merkle.TilePath;
import io.sanjiaodi.audit.merkle.Tiles;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of audit-service/README.md ("Standard formats"), every value computed
 * independently with Python's hashlib and cryptography (Ed25519 is deterministic): a four-entry
 * log signed with the RFC 8032 TEST 1 key under the default origin. If this fails, the README is wrong.
 */
class WorkedExampleTest {

    static final String ORIGIN = "sanjiaodi.local/audit-log";
    static final String RFC8032_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g";
    static final String RFC8032_PUBLIC = "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    static final List<String> LEAF_HASHES = List.of(
            "022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c",
            "57eb35615d47f34ec714cacdf5fd74608a5e8e102724e80b24b287c0c27b6a31",
            "597fcb31282d34654c200d3418fca5705c648ebf326ec73d8ddef11841f876d8",
            "d070dc5b8da9aea7dc0f5ad4c29d89965200059c9a0ceca3abd5da2492dcb71d");
    static final String ROOT = "33376a3bd63e9993708a84ddfe6c28ae58b83505dd1fed711bd924ec5a6239f0";
    static final String NOTE = ORIGIN + "\n4\nMzdqO9Y+mZNwioTd/mworli4NQXdH+1xG9kk7FpiOfA=\n\n"
            + "\u2014 sanjiaodi.local/audit-log "
            + "TzVsKoVDw1xXfDUbV2bT/3NTnImMFZyCSoBX7WRy6a8Fopz3liF2qOyHdcrbDWVm0LwfpTFbhmYVz+6fCaEUpdx5FAs=\n";
    static final String VKEY = "sanjiaodi.local/audit-log+4f356c2a+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea";

    @Test
    void theReadmesFourEntryLogHasTheseLeafHashesRootNoteKeyIdAndTiles() {
        MerkleTree tree = new MerkleTree();
        for (String data : List.of("a", "b", "c", "d")) {
            tree.append(Sha256.leafHash(data.getBytes(StandardCharsets.US_ASCII)));
        }
        for (int i = 0; i < 4; i++) {
            assertThat(Sha256.hex(tree.leafHash(i))).isEqualTo(LEAF_HASHES.get(i));
        }
        assertThat(Sha256.hex(tree.root(4))).isEqualTo(ROOT);

        NoteSigner signer = new NoteSigner(
                Ed25519NoteKey.of(ORIGIN, Keys.publicKey(RFC8032_PUBLIC)), Keys.privateKey(RFC8032_PRIVATE));
        assertThat(String.format("%08x", signer.key().keyId())).isEqualTo("4f356c2a");
        assertThat(signer.key().verifierKey()).isEqualTo(VKEY);
        assertThat(SignedNote.sign(new TlogCheckpoint(ORIGIN, 4, tree.root(4)).text(), signer)
                        .format())
                .isEqualTo(NOTE);
        assertThat(TlogCheckpoint.open(NOTE, List.of(Ed25519NoteKey.parse(VKEY)))
                        .treeSize())
                .isEqualTo(4);

        assertThat(HexFormat.of().formatHex(Tiles.hashTile(tree, 4, TilePath.parse("0/000.p/4"))))
                .isEqualTo(String.join("", LEAF_HASHES));
        assertThat(HexFormat.of()
                        .formatHex(Tiles.bundle(List.of(
                                "a".getBytes(StandardCharsets.US_ASCII),
                                "b".getBytes(StandardCharsets.US_ASCII),
                                "c".getBytes(StandardCharsets.US_ASCII),
                                "d".getBytes(StandardCharsets.US_ASCII)))))
                .isEqualTo("000161000162000163000164");
    }
}

package io.sanjiaodi.witness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of tlog-witness.md's add-checkpoint, each refusal by its status and code. */
class WitnessTest {

    static final String ORIGIN = "audit.sanjiaodi.test/log";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    TestLog log;
    Witness witness;

    @BeforeEach
    void setUp() throws Exception {
        log = new TestLog(ORIGIN).append("a", "b", "c");
        witness = start();
    }

    Witness start() throws Exception {
        return new Witness(
                new WitnessKey("witness.test/w1", data),
                List.of(new Witness.LogConfig(ORIGIN, log.vkey())),
                new StateStore(data),
                CLOCK);
    }

    String add(String body) {
        return witness.addCheckpoint(body.getBytes(UTF_8));
    }

    WitnessRefusal refusal(String body) {
        return catchThrowableOfType(WitnessRefusal.class, () -> add(body));
    }

    @Test
    void aFirstCheckpointFromTheEmptyTreeIsCosignedWithACosignatureAnIndependentCheckVerifies() throws Exception {
        String response = add(log.request(0));

        assertThat(response).startsWith("\u2014 witness.test/w1 ").endsWith("\n");
        byte[] sig = Base64.getDecoder()
                .decode(response.substring(response.lastIndexOf(' ') + 1).trim());
        assertThat(sig).hasSize(4 + 8 + 64);
        // the witness's vkey: name + key ID + base64(0x04 || key), the key ID the hash the spec gives
        String[] vkey = witness.key().verifierKey().split("\\+", 3);
        byte[] material = Base64.getDecoder().decode(vkey[2]);
        assertThat(material[0]).isEqualTo((byte) 0x04);
        byte[] raw = Arrays.copyOfRange(material, 1, 33);
        byte[] idHash = TestLog.sha("witness.test/w1".getBytes(UTF_8), new byte[] {0x0A, 0x04}, raw);
        assertThat(Arrays.copyOfRange(sig, 0, 4)).isEqualTo(Arrays.copyOfRange(idHash, 0, 4));
        assertThat(vkey[1]).isEqualTo(HexFormat.of().formatHex(idHash, 0, 4));
        long time = ByteBuffer.wrap(sig, 4, 8).getLong();
        assertThat(time).isEqualTo(CLOCK.instant().getEpochSecond());
        String message = "cosignature/v1\ntime " + time + "\n" + log.text(3);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(HexFormat.of()
                        .parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw)))));
        verifier.update(message.getBytes(UTF_8));
        assertThat(verifier.verify(Arrays.copyOfRange(sig, 12, 76))).isTrue();
        assertThat(witness.views().get(ORIGIN).size()).isEqualTo(3);
    }

    @Test
    void aCheckpointThatExtendsTheCosignedOneWithAValidProofIsCosigned() throws Exception {
        add(log.request(0));
        for (String entry : new String[] {"d", "e", "f", "g", "h", "i"}) {
            long old = log.leaves.size();
            log.append(entry);
            assertThat(add(log.request(old))).startsWith("\u2014 witness.test/w1 ");
        }
        assertThat(witness.views().get(ORIGIN).size()).isEqualTo(9);
        assertThat(witness.views().get(ORIGIN).root()).isEqualTo(log.root(9));
    }

    @Test
    void aCheckpointOfALogTheWitnessDoesNotWitnessIsRefusedWith404() throws Exception {
        TestLog other = new TestLog("elsewhere.test/log").append("a");
        WitnessRefusal refusal = refusal(other.request(0));
        assertThat(refusal.status()).isEqualTo(404);
        assertThat(refusal.code()).isEqualTo("WITNESS_UNKNOWN_LOG");
    }

    @Test
    void aCheckpointWithoutTheLogsSignatureIsRefusedWith403() throws Exception {
        TestLog impostor = new TestLog(ORIGIN).append("a", "b", "c"); // same origin, another key
        WitnessRefusal refusal = refusal(impostor.request(0));
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.code()).isEqualTo("WITNESS_BAD_LOG_SIGNATURE");
    }

    @Test
    void aCheckpointWhoseLogSignatureDoesNotVerifyIsRefusedWith403() throws Exception {
        String body = log.request(0).replace("\n3\n", "\n4\n"); // the size changed after signing
        WitnessRefusal refusal = refusal(body);
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.code()).isEqualTo("WITNESS_BAD_LOG_SIGNATURE");
    }

    @Test
    void anOldSizeOtherThanTheCosignedOneIsRefusedWith409AndTheHeldSize() throws Exception {
        add(log.request(0));
        log.append("d", "e");
        WitnessRefusal refusal = refusal(log.request(2));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.code()).isEqualTo("WITNESS_OLD_SIZE_MISMATCH");
        assertThat(refusal.body()).isEqualTo("3\n");
        assertThat(add(log.request(3))).as("retried from the size the 409 gave").isNotEmpty();
    }

    @Test
    void aBadConsistencyProofIsRefusedWith422AndRecorded() throws Exception {
        add(log.request(0));
        log.append("d");
        String body = log.request(3);
        String firstProofLine = body.split("\n")[1];
        String bad = body.replace(firstProofLine, Base64.getEncoder().encodeToString(new byte[32]));
        WitnessRefusal refusal = refusal(bad);
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.code()).isEqualTo("WITNESS_BAD_CONSISTENCY_PROOF");
        assertThat(witness.views().get(ORIGIN).size()).as("not moved").isEqualTo(3);
        assertThat(witness.refusals(ORIGIN))
                .extracting(StateStore.Refused::code)
                .containsExactly(refusal.code());
    }

    @Test
    void aProofFromTheEmptyTreeIsRefusedWith422() throws Exception {
        String body = log.request(0)
                .replaceFirst("old 0\n", "old 0\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        WitnessRefusal refusal = refusal(body);
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.code()).isEqualTo("WITNESS_BAD_CONSISTENCY_PROOF");
    }

    @Test
    void aForkOfTheCosignedSizeIsRefusedWith422() throws Exception {
        add(log.request(0));
        TestLog fork = new TestLog(ORIGIN, log.keys).append("a", "b", "x");
        WitnessRefusal refusal = refusal(fork.request(3));
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.code()).isEqualTo("WITNESS_FORK_SAME_SIZE");
        assertThat(witness.views().get(ORIGIN).root()).isEqualTo(log.root(3));
    }

    @Test
    void theSameCheckpointAgainIsCosignedAgain() throws Exception {
        add(log.request(0));
        assertThat(add(log.request(3))).startsWith("\u2014 witness.test/w1 ");
    }

    @Test
    void aSmallerCheckpointIsRefused() throws Exception {
        log.append("d", "e");
        add(log.request(0));
        WitnessRefusal fromHeldSize = refusal(log.request(5, 3));
        assertThat(fromHeldSize.status()).isEqualTo(400);
        assertThat(fromHeldSize.code()).isEqualTo("WITNESS_OLD_SIZE_ABOVE_CHECKPOINT");
        WitnessRefusal fromItsOwnSize = refusal(log.request(3, 3));
        assertThat(fromItsOwnSize.status()).isEqualTo(409);
        assertThat(fromItsOwnSize.body()).isEqualTo("5\n");
        assertThat(witness.views().get(ORIGIN).size()).isEqualTo(5);
    }

    @Test
    void anEmptyCheckpointMustCarryTheEmptyRoot() throws Exception {
        String text = ORIGIN + "\n0\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
        WitnessRefusal refusal = refusal("old 0\n\n" + log.signed(text));
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.code()).isEqualTo("WITNESS_BAD_EMPTY_ROOT");
    }

    @Test
    void malformedRequestsAreRefusedWith400() throws Exception {
        String good = log.request(0);
        for (String bad : new String[] {
            good.replace("old 0", "old 00"),
            good.replace("old 0", "new 0"),
            good.replace("old 0\n\n", "old 0\n"),
            good.replace("\n3\n", "\n03\n"),
            good.replace("\u2014", "-"),
            "old 0\n" + "AAAA\n".repeat(64) + "\n" + log.checkpoint(3),
            good.replace("\n3\n", "\n3\u0007\n")
        }) {
            WitnessRefusal refusal = refusal(bad);
            assertThat(refusal.status()).as(bad).isEqualTo(400);
            assertThat(refusal.code()).as(bad).isEqualTo("WITNESS_MALFORMED_REQUEST");
        }
        assertThat(catchThrowableOfType(WitnessRefusal.class, () -> witness.addCheckpoint(new byte[] {(byte) 0xff}))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aForkPresentedAfterARestartIsStillRefused() throws Exception {
        add(log.request(0));
        log.append("d");
        add(log.request(3));

        witness = start(); // a new process over the same data directory
        assertThat(witness.views().get(ORIGIN).size()).isEqualTo(4);
        TestLog fork = new TestLog(ORIGIN, log.keys).append("a", "b", "c", "x", "y");
        WitnessRefusal refusal = refusal(fork.request(4));
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.code()).isEqualTo("WITNESS_BAD_CONSISTENCY_PROOF");
        assertThat(catchThrowableOfType(WitnessRefusal.class, () -> add(log.request(0)))
                        .body())
                .as("the restarted witness still holds 4")
                .isEqualTo("4\n");

        witness = start();
        assertThat(witness.refusals(ORIGIN))
                .as("the refusal survives a restart too")
                .hasSize(1);
        assertThat(witness.refusals(ORIGIN).get(0).request()).isEqualTo(fork.request(4));
    }

    @Test
    void theStoredCheckpointCarriesTheLogsSignatureAndTheCosignature() throws Exception {
        String cosignature = add(log.request(0));
        Path stored =
                data.resolve("logs").resolve(StateStore.originHash(ORIGIN)).resolve("checkpoint");
        assertThat(Files.readString(stored)).isEqualTo(log.checkpoint(3) + cosignature);
        assertThat(MessageDigest.isEqual(
                        HexFormat.of().parseHex(StateStore.originHash(ORIGIN)), TestLog.sha(ORIGIN.getBytes(UTF_8))))
                .isTrue();
    }
}

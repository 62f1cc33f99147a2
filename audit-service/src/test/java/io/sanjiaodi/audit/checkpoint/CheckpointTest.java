package io.sanjiaodi.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.checkpoint.note.NoteSigner;
import io.sanjiaodi.audit.checkpoint.note.SignedNote;
import io.sanjiaodi.audit.checkpoint.note.TlogCheckpoint;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signed checkpoint statement, pinned by RFC 8032 section 7.1 TEST 1 (the key pair) and by a
 * signature over a checkpoint body made with that key by Python's cryptography package: Ed25519 is
 * deterministic, so the service must produce exactly those bytes.
 */
class CheckpointTest {

    /** RFC 8032 TEST 1, as PKCS#8 and X.509 SubjectPublicKeyInfo (DER, base64). */
    static final String RFC8032_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g";

    static final String RFC8032_PUBLIC = "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    private static final String RFC8032_EMPTY_MESSAGE_SIGNATURE =
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    /** MTH of the eight certificate-transparency leaves. */
    private static final String ROOT = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    private static final long TIME = 1542272400000L;
    /** Ed25519 over the body of (11, ROOT, TIME) with the RFC 8032 TEST 1 key, by Python's cryptography. */
    private static final String PYTHON_SIGNATURE =
            "/x5OcMeSl4LN3TSGowAnqimyvuKjpMFcdiD9i7QZSBJsLGsliDAf6f3pZMhRvVqt0ctO8t/KzvI9g+05dgglCA==";

    private final PrivateKey privateKey = Keys.privateKey(RFC8032_PRIVATE);
    private final PublicKey publicKey = Keys.publicKey(RFC8032_PUBLIC);

    @Test
    void theKeysReadAreTheRfc8032TestKeys() throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        assertThat(HexFormat.of().formatHex(signer.sign())).isEqualTo(RFC8032_EMPTY_MESSAGE_SIGNATURE);
    }

    @Test
    void theSignedBodyIsTheOriginTreeSizeRootAndTimestampOnFourLines() {
        assertThat(new Checkpoint(11, ROOT, TIME, null).body())
                .isEqualTo("sanjiaodi-audit-log/v1\n11\n" + ROOT + "\n1542272400000\n");
    }

    @Test
    void aCheckpointSignatureIsExactlyTheIndependentEd25519SignatureOfItsBody() {
        Checkpoint c = Checkpoint.sign(11, HexFormat.of().parseHex(ROOT), TIME, privateKey);
        assertThat(c).isEqualTo(new Checkpoint(11, ROOT, TIME, PYTHON_SIGNATURE));
        assertThat(c.root()).isEqualTo(HexFormat.of().parseHex(ROOT));
        assertThat(new Checkpoint(11, ROOT, TIME, PYTHON_SIGNATURE).verify(publicKey))
                .isTrue();
    }

    @Test
    void aForgedCheckpointFailsVerificationWhateverWasForged() throws Exception {
        PublicKey otherKey =
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(new Checkpoint(11, ROOT, TIME, PYTHON_SIGNATURE).verify(otherKey))
                .as("another key")
                .isFalse();
        assertThat(new Checkpoint(12, ROOT, TIME, PYTHON_SIGNATURE).verify(publicKey))
                .as("altered size")
                .isFalse();
        assertThat(new Checkpoint(11, ROOT.replace('5', '6'), TIME, PYTHON_SIGNATURE).verify(publicKey))
                .as("altered root")
                .isFalse();
        assertThat(new Checkpoint(11, ROOT, TIME + 1, PYTHON_SIGNATURE).verify(publicKey))
                .as("altered timestamp")
                .isFalse();
    }

    @Test
    void aMissingOrMalformedSignatureFailsVerificationWithoutThrowing() {
        assertThat(new Checkpoint(11, ROOT, TIME, null).verify(publicKey))
                .as("none")
                .isFalse();
        assertThat(new Checkpoint(11, ROOT, TIME, "not base64!").verify(publicKey))
                .as("not base64")
                .isFalse();
        assertThat(new Checkpoint(11, ROOT, TIME, PYTHON_SIGNATURE.substring(8)).verify(publicKey))
                .as("truncated")
                .isFalse();
        assertThat(new Checkpoint(11, ROOT, TIME, "").verify(publicKey))
                .as("empty")
                .isFalse();
    }

    @Test
    void aNewCheckpointCarriesTheSameSizeAndRootAsAC2spNoteSignedByTheSameKeyUnderTheOrigin() {
        NoteSigner signer = new NoteSigner(Ed25519NoteKey.of("example.org/log", publicKey), privateKey);
        Checkpoint c = Checkpoint.sign(11, HexFormat.of().parseHex(ROOT), TIME, privateKey, signer);
        assertThat(c.signature()).as("the old signature is unchanged").isEqualTo(PYTHON_SIGNATURE);
        TlogCheckpoint note = TlogCheckpoint.open(c.note(), List.of(signer.key()));
        assertThat(note)
                .isEqualTo(
                        new TlogCheckpoint("example.org/log", 11, HexFormat.of().parseHex(ROOT)));
        assertThat(c.noteCheckpoint()).isEqualTo(note);
        assertThat(c.verify(publicKey)).isTrue();
    }

    @Test
    void aCheckpointWhoseNoteStatesAnotherRootOrIsSignedByAnotherKeyDoesNotVerify() throws Exception {
        NoteSigner signer = new NoteSigner(Ed25519NoteKey.of("example.org/log", publicKey), privateKey);
        Checkpoint c = Checkpoint.sign(11, HexFormat.of().parseHex(ROOT), TIME, privateKey, signer);
        byte[] otherRoot = HexFormat.of().parseHex(ROOT.replace('5', '6'));
        String otherNote = SignedNote.sign(new TlogCheckpoint("example.org/log", 11, otherRoot).text(), signer)
                .format();
        assertThat(new Checkpoint(11, ROOT, TIME, c.signature(), otherNote).verify(publicKey))
                .as("note with another root")
                .isFalse();
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteSigner stranger =
                new NoteSigner(Ed25519NoteKey.of("example.org/log", other.getPublic()), other.getPrivate());
        String forged = SignedNote.sign(c.noteCheckpoint().text(), stranger).format();
        assertThat(new Checkpoint(11, ROOT, TIME, c.signature(), forged).verify(publicKey))
                .as("note by another key")
                .isFalse();
        assertThat(new Checkpoint(11, ROOT, TIME, c.signature(), "garbage").verify(publicKey))
                .as("not a note")
                .isFalse();
        assertThat(new Checkpoint(11, ROOT, TIME, c.signature()).verify(publicKey))
                .as("an old checkpoint without a note still verifies")
                .isTrue();
    }

    @Test
    void keysReadFromPemAndFromBareBase64Alike() {
        String pem = Keys.pem("PUBLIC KEY", publicKey.getEncoded());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(Keys.publicKey(pem)).isEqualTo(publicKey);
        assertThat(Keys.privateKey(Keys.pem("PRIVATE KEY", privateKey.getEncoded()))
                        .getEncoded())
                .isEqualTo(privateKey.getEncoded());
        assertThatThrownBy(() -> Keys.publicKey(RFC8032_PRIVATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.privateKey(RFC8032_PUBLIC)).isInstanceOf(IllegalArgumentException.class);
    }
}

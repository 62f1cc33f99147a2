package io.sanjiaodi.audit.checkpoint.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** C2SP signed notes as signed-note.md defines them and Go's note.Open reads them. */
class SignedNoteTest {

    /** The example of signed-note.md ("Verifier keys", "Example"). */
    static final String SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

    static final String SPEC_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    private static final KeyPair PAIR = generate();
    private static final NoteSigner SIGNER =
            new NoteSigner(Ed25519NoteKey.of("example.org/log", PAIR.getPublic()), PAIR.getPrivate());
    private static final Ed25519NoteKey KEY = SIGNER.key();
    private static final String TEXT = "example.org/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    private static final String SIGNED = SignedNote.sign(TEXT, SIGNER).format();

    @Test
    void theSpecificationsExampleNoteVerifiesWithItsVerifierKey() {
        Ed25519NoteKey key = Ed25519NoteKey.parse(SPEC_VKEY);
        assertThat(key.name()).isEqualTo("example.com/foo");
        assertThat(key.keyId()).isEqualTo(0x530d903a);
        assertThat(key.verifierKey()).isEqualTo(SPEC_VKEY);
        SignedNote note = SignedNote.parse(SPEC_NOTE);
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.verify(key)).containsExactly(key);
        assertThat(note.format()).isEqualTo(SPEC_NOTE);
    }

    @Test
    void theKeyIdIsTheFirstFourBytesOfSha256OverNameNewlineTypeAndKey() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("example.org/log\n".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x01);
        byte[] digest = sha.digest(KEY.publicKey());
        assertThat(String.format("%08x", KEY.keyId())).isEqualTo(HexFormat.of().formatHex(Arrays.copyOf(digest, 4)));
        String[] vkey = KEY.verifierKey().split("\\+", 3);
        assertThat(vkey[0]).isEqualTo("example.org/log");
        assertThat(vkey[1]).isEqualTo(String.format("%08x", KEY.keyId()));
        byte[] material = java.util.Base64.getDecoder().decode(vkey[2]);
        assertThat(material[0]).isEqualTo((byte) 0x01);
        assertThat(Arrays.copyOfRange(material, 1, 33)).isEqualTo(KEY.publicKey());
        assertThat(Ed25519NoteKey.parse(KEY.verifierKey())).isEqualTo(KEY);
    }

    @Test
    void aVerifierKeyWhoseBase64HasPlusesIsCutAtItsFirstTwoPlusesOnly() {
        byte[] key = new byte[32];
        byte[] pattern = {(byte) 0xfb, (byte) 0xef, (byte) 0xbe}; // base64 "++++"
        for (int i = 2; i < 32; i++) {
            key[i] = pattern[(i - 2) % 3];
        }
        Ed25519NoteKey k = new Ed25519NoteKey("example.org/log", key);
        assertThat(k.verifierKey().split("\\+", 3)[2]).contains("+");
        assertThat(Ed25519NoteKey.parse(k.verifierKey())).isEqualTo(k);
    }

    @Test
    void aNoteSignedHereRoundTripsThroughItsTextAndVerifies() {
        assertThat(SIGNED).startsWith(TEXT + "\n\u2014 example.org/log ").endsWith("\n");
        SignedNote parsed = SignedNote.parse(SIGNED.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.text()).isEqualTo(TEXT);
        assertThat(parsed.format()).isEqualTo(SIGNED);
        assertThat(parsed.verify(KEY)).containsExactly(KEY);
        assertThat(TlogCheckpoint.open(SIGNED, List.of(KEY)).treeSize()).isEqualTo(3);
    }

    @Test
    void signaturesByKeysTheReaderDoesNotKnowAreIgnoredButOneByAKnownKeyIsNeeded() {
        KeyPair other = generate();
        NoteSigner witness =
                new NoteSigner(Ed25519NoteKey.of("witness.example/w1", other.getPublic()), other.getPrivate());
        SignedNote cosigned = SignedNote.parse(SIGNED).withSignature(witness.sign(TEXT));
        assertThat(cosigned.signatures()).hasSize(2);
        assertThat(SignedNote.parse(cosigned.format()).verify(KEY)).containsExactly(KEY);
        assertThat(cosigned.verify(KEY, witness.key())).containsExactly(KEY, witness.key());
        assertCode(
                () -> SignedNote.parse(SignedNote.sign(TEXT, witness).format()).verify(KEY), NoteException.UNVERIFIED);
    }

    @Test
    void aChangedBodyIsRejected() {
        assertCode(
                () -> SignedNote.parse(SIGNED.replaceFirst("\n3\n", "\n4\n")).verify(KEY), NoteException.BAD_SIGNATURE);
    }

    @Test
    void aChangedSignatureIsRejected() {
        SignedNote note = SignedNote.parse(SIGNED);
        byte[] sig = note.signatures().get(0).signature();
        sig[10] ^= 1;
        String changed = TEXT + "\n" + new NoteSignature(KEY.name(), KEY.keyId(), sig).line();
        assertCode(() -> SignedNote.parse(changed).verify(KEY), NoteException.BAD_SIGNATURE);
    }

    @Test
    void aChangedKeyNameLeavesNoSignatureByAKnownKey() {
        String changed = SIGNED.replace("\u2014 example.org/log ", "\u2014 example.org/log2 ");
        assertCode(() -> SignedNote.parse(changed).verify(KEY), NoteException.UNVERIFIED);
    }

    @Test
    void aChangedKeyHashLeavesNoSignatureByAKnownKey() {
        NoteSignature s = SignedNote.parse(SIGNED).signatures().get(0);
        String changed = TEXT + "\n" + new NoteSignature(s.keyName(), s.keyId() ^ 1, s.signature()).line();
        assertCode(() -> SignedNote.parse(changed).verify(KEY), NoteException.UNVERIFIED);
    }

    @Test
    void aNoteWithoutItsFinalNewlineOrItsBlankLineIsMalformed() {
        assertCode(() -> SignedNote.parse(SIGNED.substring(0, SIGNED.length() - 1)), NoteException.MALFORMED);
        assertCode(() -> SignedNote.parse(SIGNED.replace(TEXT + "\n", TEXT)), NoteException.MALFORMED);
        assertCode(() -> SignedNote.sign("no newline", SIGNER), NoteException.MALFORMED);
    }

    @Test
    void extraLinesAreRejected() {
        assertCode(() -> SignedNote.parse(SIGNED + "not a signature\n"), NoteException.MALFORMED);
        assertCode(() -> SignedNote.parse(SIGNED + "\n"), NoteException.MALFORMED);
        assertCode(
                () -> SignedNote.parse(SIGNED.replace(TEXT, TEXT + "extension\n"))
                        .verify(KEY),
                NoteException.BAD_SIGNATURE);
    }

    @Test
    void controlCharactersNonCanonicalBase64AndBadKeyNamesAreMalformed() {
        assertCode(() -> SignedNote.parse(SIGNED.replace("\n3\n", "\n3\r\n")), NoteException.MALFORMED);
        assertCode(() -> SignedNote.parse(SIGNED.replace("=\n", "\n")), NoteException.MALFORMED);
        assertCode(() -> SignedNote.parse(SIGNED.replace("\u2014 ", "- ")), NoteException.MALFORMED);
        assertCode(() -> SignedNote.parse(new byte[] {'a', '\n', '\n', (byte) 0xff, '\n'}), NoteException.MALFORMED);
        assertCode(() -> Ed25519NoteKey.of("a+b", PAIR.getPublic()), NoteException.BAD_VERIFIER_KEY);
        assertCode(() -> new NoteSignature("a b", 1, new byte[64]), NoteException.MALFORMED);
    }

    @Test
    void aVerifierKeyWhoseIdDoesNotMatchItsNameAndKeyIsRefused() {
        assertCode(
                () -> Ed25519NoteKey.parse(SPEC_VKEY.replace("530d903a", "530d903b")), NoteException.BAD_VERIFIER_KEY);
        assertCode(
                () -> Ed25519NoteKey.parse(SPEC_VKEY.replace("example.com/foo", "example.com/bar")),
                NoteException.BAD_VERIFIER_KEY);
        assertCode(() -> Ed25519NoteKey.parse("example.com/foo+530d903a"), NoteException.BAD_VERIFIER_KEY);
    }

    static void assertCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(NoteException.class)
                .extracting(e -> ((NoteException) e).code())
                .isEqualTo(code);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

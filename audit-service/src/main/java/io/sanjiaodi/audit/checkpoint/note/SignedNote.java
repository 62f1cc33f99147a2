package io.sanjiaodi.audit.checkpoint.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP signed note (signed-note.md): a text ending in a newline, a blank line, then one or more
 * signature lines. Parsing follows Go's {@code note.Open} (the reference the interoperability test
 * runs): valid UTF-8 without control characters other than newline, split at the last blank line,
 * at most {@value #MAX_SIGNATURES} signatures (the spec requires accepting at least 16).
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    public static final int MAX_SIGNATURES = 100;

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new NoteException(
                    NoteException.MALFORMED, "a signed note has 1 to " + MAX_SIGNATURES + " signatures");
        }
    }

    /** The text signed by each signer, in order. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        checkText(text);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(signer.sign(text));
        }
        return new SignedNote(text, signatures);
    }

    /** The same note with one more signature; one by the same key name and id is replaced (as Go's note.Sign does). */
    public SignedNote withSignature(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>();
        for (NoteSignature s : signatures) {
            if (!(s.keyName().equals(signature.keyName()) && s.keyId() == signature.keyId())) {
                all.add(s);
            }
        }
        all.add(signature);
        return new SignedNote(text, all);
    }

    /** The note as served: text, blank line, signature lines. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    public byte[] bytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    public static SignedNote parse(byte[] message) {
        try {
            return parse(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new NoteException(NoteException.MALFORMED, "a signed note is valid UTF-8");
        }
    }

    public static SignedNote parse(String message) {
        checkCharacters(message);
        int split = message.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException(NoteException.MALFORMED, "a signed note has a blank line before its signatures");
        }
        String text = message.substring(0, split + 1);
        String block = message.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new NoteException(NoteException.MALFORMED, "a signed note ends in signature lines");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new NoteException(NoteException.MALFORMED, "more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * The known keys whose signatures verify. Signatures whose key name and id match no known key
     * are ignored (cosignatures by witnesses the reader does not know); one that matches a known key
     * and fails rejects the whole note ({@link NoteException#BAD_SIGNATURE}); a note without any
     * verified signature is rejected ({@link NoteException#UNVERIFIED}).
     */
    public List<NoteVerifier> verify(Collection<? extends NoteVerifier> known) {
        List<NoteVerifier> verified = new ArrayList<>();
        for (NoteSignature s : signatures) {
            for (NoteVerifier v : known) {
                if (v.name().equals(s.keyName()) && v.keyId() == s.keyId()) {
                    if (!v.verify(text, s.signature())) {
                        throw new NoteException(
                                NoteException.BAD_SIGNATURE, "the signature by " + s.keyName() + " does not verify");
                    }
                    if (!verified.contains(v)) {
                        verified.add(v);
                    }
                }
            }
        }
        if (verified.isEmpty()) {
            throw new NoteException(NoteException.UNVERIFIED, "no signature by a known key");
        }
        return verified;
    }

    public List<NoteVerifier> verify(NoteVerifier... known) {
        return verify(List.of(known));
    }

    /** Non-empty, without Unicode spaces or '+' (Go: {@code unicode.IsSpace}, which includes U+0085 and U+00A0). */
    static boolean validKeyName(String name) {
        if (name == null || name.isEmpty() || name.contains("+")) {
            return false;
        }
        return name.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85);
    }

    private static void checkText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            throw new NoteException(NoteException.MALFORMED, "a note text ends in a newline");
        }
        checkCharacters(text);
    }

    private static void checkCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' || Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
                throw new NoteException(NoteException.MALFORMED, "a note has no control characters but newline");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i))
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }
}

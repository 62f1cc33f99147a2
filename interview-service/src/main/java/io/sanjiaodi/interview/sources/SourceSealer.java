package io.sanjiaodi.interview.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.SealedSource;
import io.sanjiaodi.platform.json.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Service;

/**
 * Seals a problem's confidential source before its command is sent (the aggregate never holds a
 * key) and opens it for the readers entitled to it. The ciphertext is the salt and the source under
 * the interview's data key, bound to the interview and the item; the commitment is published.
 */
@Service
public class SourceSealer {

    private static final ObjectMapper JSON = EventJson.mapper();
    private final DataKeys keys;

    public SourceSealer(DataKeys keys) {
        this.keys = keys;
    }

    /** What the ciphertext holds: the salt travels with the source, never beside the commitment. */
    record Sealed(String salt, String details, String reference) {}

    /** {@code null} for a problem without a source. */
    public SealedSource seal(String interviewId, String itemId, ConfidentialSource source) {
        if (source == null) {
            return null;
        }
        SecretKey key = keys.forSealing(interviewId);
        String salt = Base64.getEncoder().encodeToString(Aes.random(32));
        byte[] plaintext;
        try {
            plaintext = JSON.writeValueAsBytes(new Sealed(salt, source.details(), source.reference()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SealedSource(SourceCommitment.of(salt, source), Aes.seal(key, plaintext, aad(interviewId, itemId)));
    }

    /**
     * The source, when the data key still exists; empty after the erasure. A ciphertext that does not
     * open for this item, or whose content does not match its commitment, is refused loudly: it was
     * moved or tampered with, which must not pass as "erased".
     */
    public Optional<ConfidentialSource> open(String interviewId, String itemId, SealedSource sealed) {
        Optional<SecretKey> key = keys.forOpening(interviewId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Sealed content;
        try {
            content = JSON.readValue(Aes.open(key.get(), sealed.ciphertext(), aad(interviewId, itemId)), Sealed.class);
        } catch (IOException e) {
            throw new Aes.SealBroken("the sealed source of " + itemId + " is not readable");
        }
        ConfidentialSource source = new ConfidentialSource(content.details(), content.reference());
        if (!SourceCommitment.of(content.salt(), source).equals(sealed.commitment())) {
            throw new Aes.SealBroken("the sealed source of " + itemId + " does not match its commitment");
        }
        return Optional.of(source);
    }

    /** Whether the interview's sources were erased (legacy plaintext ones are then withheld too). */
    public boolean isErased(String interviewId) {
        return keys.isErased(interviewId);
    }

    private static String aad(String interviewId, String itemId) {
        return interviewId + "|" + itemId;
    }
}

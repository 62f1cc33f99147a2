package io.sanjiaodi.interview.sources;

import io.sanjiaodi.platform.Refusal;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * One AES-256 data key per interview, stored only wrapped under the {@link ServiceKey} in
 * {@code source_data_keys} (id = interview id). Erasing destroys the wrapped key and leaves a
 * tombstone, so that no new key is ever made for that interview again (a key made afresh would
 * let sealing resume as if nothing had been erased).
 */
@Component
public class DataKeys {

    private final MongoTemplate mongo;
    private final ServiceKey serviceKey;

    public DataKeys(MongoTemplate mongo, ServiceKey serviceKey) {
        this.mongo = mongo;
        this.serviceKey = serviceKey;
    }

    @Document("source_data_keys")
    record DataKey(@Id String interviewId, String wrappedKey, Instant erasedAt) {}

    /** The key to seal with, made on first need; two first sealings at once agree on one key. */
    SecretKey forSealing(String interviewId) {
        DataKey stored = mongo.findById(interviewId, DataKey.class);
        if (stored == null) {
            stored = create(interviewId);
        }
        if (stored.erasedAt() != null) {
            throw Refusal.conflict(
                    "SOURCES_ERASED", "the confidential sources of interview " + interviewId + " were erased");
        }
        return unwrap(stored);
    }

    /** The key to open with; empty when the interview never had one or its sources were erased. */
    Optional<SecretKey> forOpening(String interviewId) {
        DataKey stored = mongo.findById(interviewId, DataKey.class);
        return stored == null || stored.erasedAt() != null ? Optional.empty() : Optional.of(unwrap(stored));
    }

    boolean isErased(String interviewId) {
        DataKey stored = mongo.findById(interviewId, DataKey.class);
        return stored != null && stored.erasedAt() != null;
    }

    /** Crypto-shredding: the wrapped key is overwritten by a tombstone; idempotent (a redelivery changes nothing). */
    public void destroy(String interviewId, Instant erasedAt) {
        mongo.save(new DataKey(interviewId, null, erasedAt == null ? Instant.EPOCH : erasedAt));
    }

    private DataKey create(String interviewId) {
        byte[] raw = Aes.random(32);
        DataKey fresh = new DataKey(interviewId, Aes.seal(serviceKey.key(), raw, aad(interviewId)), null);
        try {
            return mongo.insert(fresh);
        } catch (DuplicateKeyException anotherWasFirst) {
            return mongo.findById(interviewId, DataKey.class);
        }
    }

    private SecretKey unwrap(DataKey stored) {
        return new SecretKeySpec(Aes.open(serviceKey.key(), stored.wrappedKey(), aad(stored.interviewId())), "AES");
    }

    /** A wrapped key copied to another interview's document does not unwrap. */
    private static String aad(String interviewId) {
        return "source-data-key|" + interviewId;
    }
}

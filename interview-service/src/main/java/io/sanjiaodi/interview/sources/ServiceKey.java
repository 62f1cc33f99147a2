package io.sanjiaodi.interview.sources;

import io.sanjiaodi.platform.keys.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key-encryption key of the confidential sources, from {@code interview.sources.key-file}: it
 * only wraps the per-interview data keys and never leaves this service. Generated on first start
 * like audit-service's signing key: written to a temporary file readable by its owner only, then
 * moved into place, so a crash never leaves half a key.
 */
@Component
public class ServiceKey {

    private static final Logger log = LoggerFactory.getLogger(ServiceKey.class);
    private static final int BYTES = 32;
    private final SecretKey key;

    public ServiceKey(SourcesProperties properties) {
        Path file = properties.keyFile();
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            byte[] raw = Base64.getDecoder().decode(Files.readString(file).strip());
            if (raw.length != BYTES) {
                throw new IllegalStateException("the sources key " + file + " is not a 256-bit AES key");
            }
            key = new SecretKeySpec(raw, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources key " + file, e);
        }
        log.info("confidential sources are sealed under data keys wrapped by the key in {}", file.toAbsolutePath());
    }

    SecretKey key() {
        return key;
    }

    private static void generate(Path file) throws IOException {
        byte[] raw = new byte[BYTES];
        new SecureRandom().nextBytes(raw);
        // instances starting at once on one file: the first key to arrive is everyone's
        if (OwnerOnlyFile.createIfAbsent(file, Base64.getEncoder().encodeToString(raw))) {
            log.info("generated a new sources key in {}", file.toAbsolutePath());
        }
    }
}

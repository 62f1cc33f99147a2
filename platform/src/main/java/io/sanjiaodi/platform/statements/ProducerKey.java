package io.sanjiaodi.platform.statements;

import io.sanjiaodi.platform.keys.Ed25519KeyFile;
import java.nio.file.Path;

/** The producer's Ed25519 statement key from {@code sanjiaodi.statements.key-file}. */
public class ProducerKey extends Ed25519KeyFile {

    public ProducerKey(Path file) {
        super(file, "producer statements");
    }
}

package io.sanjiaodi.platform.statements;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The producer's statement key, open to anyone (a verifier must be able to get it without an account). */
@RestController
class ProducerKeyController {

    private final ProducerKey key;

    ProducerKeyController(ProducerKey key) {
        this.key = key;
    }

    /** PEM (X.509 SubjectPublicKeyInfo); the same key is in every statement's {@code publicKey}. */
    @GetMapping(value = "/api/producer/public-key", produces = "application/x-pem-file")
    String publicKey() {
        return key.publicKeyPem();
    }
}

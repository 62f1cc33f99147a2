package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.checkpoint.SigningKey;
import io.sanjiaodi.platform.Refusal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signed checkpoints and the key that verifies them. */
@RestController
@RequestMapping("/api/audit")
class CheckpointController {

    private final CheckpointService checkpoints;
    private final SigningKey key;

    CheckpointController(CheckpointService checkpoints, SigningKey key) {
        this.checkpoints = checkpoints;
        this.key = key;
    }

    @GetMapping("/checkpoints/latest")
    Checkpoint latest() {
        return checkpoints
                .latest()
                .orElseThrow(() -> Refusal.notFound("AUDIT_NO_CHECKPOINT", "no checkpoint has been signed yet"));
    }

    @GetMapping("/checkpoints/{treeSize}")
    Checkpoint bySize(@PathVariable long treeSize) {
        return checkpoints
                .bySize(treeSize)
                .orElseThrow(
                        () -> Refusal.notFound("AUDIT_CHECKPOINT_NOT_FOUND", "no checkpoint of tree size " + treeSize));
    }

    @GetMapping("/checkpoints")
    List<Checkpoint> all() {
        return checkpoints.all();
    }

    /** The Ed25519 public key as PEM (X.509 SubjectPublicKeyInfo), ready to save for the offline verifier. */
    @GetMapping(value = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return key.publicKeyPem();
    }
}

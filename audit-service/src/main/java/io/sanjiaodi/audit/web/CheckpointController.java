package io.sanjiaodi.audit.web;

import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.CheckpointService;
import io.sanjiaodi.audit.checkpoint.SigningKey;
import io.sanjiaodi.audit.witness.StoredCosignature;
import io.sanjiaodi.audit.witness.WitnessedCheckpoints;
import io.sanjiaodi.platform.Refusal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signed checkpoints, with the witnesses' cosignatures, and the key that verifies them. */
@RestController
@RequestMapping("/api/audit")
class CheckpointController {

    private final CheckpointService checkpoints;
    private final SigningKey key;
    private final WitnessedCheckpoints witnessed;

    CheckpointController(CheckpointService checkpoints, SigningKey key, WitnessedCheckpoints witnessed) {
        this.checkpoints = checkpoints;
        this.key = key;
        this.witnessed = witnessed;
    }

    @GetMapping("/checkpoints/latest")
    CheckpointView latest() {
        return view(checkpoints
                .latest()
                .orElseThrow(() -> Refusal.notFound("AUDIT_NO_CHECKPOINT", "no checkpoint has been signed yet")));
    }

    @GetMapping("/checkpoints/{treeSize}")
    CheckpointView bySize(@PathVariable long treeSize) {
        return view(checkpoints
                .bySize(treeSize)
                .orElseThrow(() ->
                        Refusal.notFound("AUDIT_CHECKPOINT_NOT_FOUND", "no checkpoint of tree size " + treeSize)));
    }

    @GetMapping("/checkpoints")
    List<CheckpointView> all() {
        Map<Long, List<StoredCosignature>> cosignatures = witnessed.allCosignatures();
        return checkpoints.all().stream()
                .map(c -> CheckpointView.of(c, cosignatures.getOrDefault(c.treeSize(), List.of())))
                .toList();
    }

    private CheckpointView view(Checkpoint c) {
        return CheckpointView.of(c, witnessed.cosignatures(c.treeSize()));
    }

    /** The Ed25519 public key as PEM (X.509 SubjectPublicKeyInfo), ready to save for the offline verifier. */
    @GetMapping(value = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return key.publicKeyPem();
    }
}

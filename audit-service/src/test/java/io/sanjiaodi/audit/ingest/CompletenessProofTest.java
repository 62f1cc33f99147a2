package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanjiaodi.audit.checkpoint.Keys;
import io.sanjiaodi.audit.completeness.CompletenessProofs;
import io.sanjiaodi.audit.completeness.CompletenessReport;
import io.sanjiaodi.audit.query.ReaderScope;
import io.sanjiaodi.audit.verify.OfflineVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The completeness proof verifies offline, and fails for a tampered id or another producer key. */
class CompletenessProofTest extends CompletenessScenario {
    @Test
    void aLogHoldingEveryStatedEventIsCompleteAndItsProofVerifiesOfflineButNotWithATamperedId() throws Exception {
        start();
        publish();
        logPositions(2, 1, 4, 3, 5, 6); // partitions interleave: arrival order is not producer order
        statements.receive("s-1", statement(6, producerKey));
        clock.advance(Duration.ofMinutes(1));

        CompletenessReport report = checker.check(ReaderScope.everything());
        assertThat(report.ok()).isTrue();
        assertThat(finding(ReaderScope.everything()).status()).isEqualTo("COMPLETE");

        audit.checkpoints.signIfGrown();
        var proof = new CompletenessProofs(statements, index, audit.mongo, audit.log, audit.checkpoints)
                .prove(PRODUCER, null, ReaderScope.everything());
        ObjectMapper json = new ObjectMapper();
        Path proofFile = dir.resolve("completeness.json");
        json.writeValue(proofFile.toFile(), proof);
        Path auditKey = Files.writeString(dir.resolve("audit.pem"), audit.key.publicKeyPem());
        Path producerPem = Files.writeString(
                dir.resolve("producer.pem"),
                Keys.pem("PUBLIC KEY", producerKey.getPublic().getEncoded()));
        String[] args = {
            "completeness",
            "--key",
            auditKey.toString(),
            "--proof",
            proofFile.toString(),
            "--producer-key",
            producerPem.toString()
        };
        assertThat(OfflineVerifier.run(args, quiet())).isZero();

        Path otherPem = Files.writeString(
                dir.resolve("other.pem"),
                Keys.pem("PUBLIC KEY", ed25519().getPublic().getEncoded()));
        String[] wrongProducer = args.clone();
        wrongProducer[6] = otherPem.toString();
        assertThat(OfflineVerifier.run(wrongProducer, quiet()))
                .as("a statement not signed by the producer's key is refused offline too")
                .isEqualTo(1);

        ObjectNode tampered = (ObjectNode) json.readTree(proofFile.toFile());
        ((ObjectNode) tampered.get("positions").get(2)).put("eventId", "ev-forged");
        json.writeValue(proofFile.toFile(), tampered);
        assertThat(OfflineVerifier.run(args, quiet())).isEqualTo(1);
    }
}

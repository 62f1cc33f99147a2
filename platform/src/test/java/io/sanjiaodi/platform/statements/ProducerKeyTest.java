package io.sanjiaodi.platform.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/** Instances of one service share the key file; started at once, they still end up with one key pair. */
class ProducerKeyTest {

    @TempDir
    Path dir;

    /** Repeated, with more starters than cores: the race it guards against is narrow. */
    @RepeatedTest(30)
    void instancesStartingAtOnceOnOneKeyFileAllSignWithTheSameMatchingKeyPair(RepetitionInfo run) throws Exception {
        Path file = dir.resolve("keys-" + run.getCurrentRepetition() + "/interview-service-ed25519.pk8");
        CountDownLatch go = new CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<CompletableFuture<ProducerKey>> starting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starting.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new ProducerKey(file);
                    },
                    pool));
        }
        go.countDown();
        pool.shutdown();
        ProducerKey first = starting.get(0).get();
        for (CompletableFuture<ProducerKey> each : starting) {
            ProducerKey key = each.get();
            assertThat(key.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
            var signature = java.security.Signature.getInstance("Ed25519");
            signature.initSign(key.privateKey());
            signature.update(new byte[] {1, 2, 3});
            byte[] signed = signature.sign();
            var verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(key.publicKey());
            verifier.update(new byte[] {1, 2, 3});
            assertThat(verifier.verify(signed))
                    .as("private and public key belong together")
                    .isTrue();
        }
        assertThat(new ProducerKey(file).publicKeyPem()).isEqualTo(first.publicKeyPem());
    }
}

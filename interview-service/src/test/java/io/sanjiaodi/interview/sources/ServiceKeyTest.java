package io.sanjiaodi.interview.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instances starting at once on one new key file: every one starts, all with the same key. */
class ServiceKeyTest {

    @TempDir
    Path dir;

    @Test
    void instancesStartingAtOnceOnOneNewKeyFileAllGetTheFirstKeyWritten() throws Exception {
        Path file = dir.resolve("keys/kek.key");
        int instances = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<byte[]>> keys = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            keys.add(pool.submit(() -> {
                start.await();
                return new ServiceKey(new SourcesProperties(file)).key().getEncoded();
            }));
        }
        start.countDown();
        byte[] first = keys.get(0).get();
        for (Future<byte[]> key : keys) {
            assertThat(key.get())
                    .as("an instance that lost the race keeps the winner's key")
                    .isEqualTo(first);
        }
        pool.shutdown();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
    }
}

package io.sanjiaodi.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The witness's memory, one directory per log named by the SHA-256 of its origin: {@code checkpoint}
 * is the latest cosigned checkpoint (the log's signatures and ours), replaced atomically and synced
 * before the cosignature leaves, so a crash or restart can never make the witness forget a size and
 * cosign a fork of it; {@code refused} is an append-only record of every well-signed checkpoint it
 * refused, the evidence of a log's misbehaviour.
 */
final class StateStore {

    /** A refusal as recorded: when, the HTTP status, the code, why, and the request that was refused. */
    record Refused(Instant time, int status, String code, String reason, String request) {}

    private final Path dataDir;

    StateStore(Path dataDir) throws IOException {
        this.dataDir = dataDir.resolve("logs");
        Files.createDirectories(this.dataDir);
    }

    static String originHash(String origin) {
        return Hashes.hex(Hashes.sha256(origin.getBytes(StandardCharsets.UTF_8)));
    }

    Optional<String> latest(String origin) throws IOException {
        Path file = dir(origin).resolve("checkpoint");
        return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }

    void replace(String origin, String cosignedCheckpoint) throws IOException {
        Path dir = dir(origin);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "checkpoint", ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(cosignedCheckpoint.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(tmp, dir.resolve("checkpoint"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir); // the rename itself must survive a power cut
    }

    void recordRefusal(String origin, Refused refused) throws IOException {
        Path dir = dir(origin);
        Files.createDirectories(dir);
        String line = refused.time() + " " + refused.status() + " " + refused.code() + " " + b64(refused.reason()) + " "
                + b64(refused.request()) + "\n";
        try (FileChannel out = FileChannel.open(
                dir.resolve("refused"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
    }

    List<Refused> refusals(String origin) throws IOException {
        Path file = dir(origin).resolve("refused");
        List<Refused> all = new ArrayList<>();
        if (!Files.exists(file)) {
            return all;
        }
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ");
            if (f.length == 5) { // a line cut short by a crash is skipped, not fatal
                all.add(new Refused(Instant.parse(f[0]), Integer.parseInt(f[1]), f[2], unb64(f[3]), unb64(f[4])));
            }
        }
        return all;
    }

    private Path dir(String origin) {
        return dataDir.resolve(originHash(origin));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // some platforms cannot open a directory; the file itself was synced
        }
    }
}

package io.sanjiaodi.platform.keys;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * How a secret reaches the disk: written to a temporary file readable by its owner only, then
 * moved into place, so a crash never leaves half a secret; when instances sharing the file start
 * at once, the first to arrive wins and the others keep what it wrote.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {}

    /** Writes {@code content} to {@code file} unless it exists; true if this call created it. */
    public static boolean createIfAbsent(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: rely on the directory's ACL
        }
        Files.writeString(tmp, content);
        try {
            // a hard link is created atomically or fails if the name exists; Files.move without
            // REPLACE_EXISTING checks and then renames, and two instances could both "win" (the
            // later rename replacing the earlier key: ProducerKeyTest saw two key pairs in CI)
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException lost) {
            return false;
        } finally {
            Files.delete(tmp);
        }
    }
}

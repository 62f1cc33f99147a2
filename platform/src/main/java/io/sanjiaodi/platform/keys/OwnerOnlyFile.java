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
            Files.move(tmp, file);
            return true;
        } catch (FileAlreadyExistsException lost) {
            Files.delete(tmp);
            return false;
        }
    }
}

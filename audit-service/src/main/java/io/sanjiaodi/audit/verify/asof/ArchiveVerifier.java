package io.sanjiaodi.audit.verify.asof;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.audit.checkpoint.Checkpoint;
import io.sanjiaodi.audit.checkpoint.Keys;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main class of an archive's {@code verifier.jar}: {@code java -jar verifier.jar [dir|archive.zip]}
 * (no argument: the directory the jar sits in). Needs only a JRE. Checks the checkpoint's
 * signature with the archive's key, then every as-of proof in it ({@link AsOfVerifier}) against
 * that one checkpoint; prints every check and ends with VERIFIED (exit 0) or FAILED and what
 * failed (exit 1); exit 2 when the archive cannot be read at all. Layout: {@link #MANIFEST}.
 */
public final class ArchiveVerifier {

    /** manifest.json names the checkpoint, the key, the proof files and the statements' directory. */
    public static final String MANIFEST = "manifest.json";

    public static final String FORMAT = "sanjiaodi-ledger-archive/v1";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ArchiveVerifier() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        try {
            Path target = args.length > 0 ? Path.of(args[0]) : ownDirectory();
            if (Files.isRegularFile(target)) {
                try (FileSystem zip = FileSystems.newFileSystem(target)) {
                    return report(verify(zip.getPath("/"), out), out);
                }
            }
            return report(verify(target, out), out);
        } catch (IOException | RuntimeException | URISyntaxException e) {
            out.println("ERROR the archive cannot be read: " + e);
            return 2;
        }
    }

    /** Every check of the archive in {@code root}; failures are findings, not exceptions. */
    public static List<Finding> verify(Path root, PrintStream out) throws IOException {
        List<Finding> findings = new ArrayList<>();
        JsonNode manifest = JSON.readTree(Files.readString(root.resolve(MANIFEST)));
        out.println("archive " + manifest.path("format").asText() + " of ledger "
                + manifest.path("ledgerId").asText()
                + " (interview " + manifest.path("interviewId").asText() + "), made "
                + manifest.path("createdAt").asText());
        if (!FORMAT.equals(manifest.path("format").asText())) {
            findings.add(Finding.fail("ARCHIVE_FORMAT", MANIFEST, "unknown format " + manifest.path("format")));
            return print(findings, out);
        }
        PublicKey key = Keys.publicKey(
                Files.readString(root.resolve(manifest.path("publicKey").asText())));
        Checkpoint checkpoint = JSON.readValue(
                Files.readString(root.resolve(manifest.path("checkpoint").asText())), Checkpoint.class);
        findings.add(AsOfVerifier.signature(checkpoint, key, "archive checkpoint"));
        for (JsonNode file : manifest.path("proofs")) {
            proof(root, file.asText(), checkpoint, key, findings);
        }
        statements(root, manifest.path("statements").asText("statements/"), findings);
        return print(findings, out);
    }

    private static void proof(Path root, String file, Checkpoint checkpoint, PublicKey key, List<Finding> findings) {
        AsOfProof proof;
        try {
            proof = JSON.readValue(Files.readString(root.resolve(file)), AsOfProof.class);
        } catch (IOException | RuntimeException e) {
            findings.add(Finding.fail("FILE_UNREADABLE", file, e.getMessage()));
            return;
        }
        if (!checkpoint.equals(proof.checkpoint())) {
            findings.add(
                    Finding.fail("CHECKPOINT_DIFFERS", file, "proves against another checkpoint than the archive's"));
        }
        for (Finding f : AsOfVerifier.verify(proof, key)) {
            findings.add(new Finding(f.ok(), f.code(), file + " " + f.subject(), f.detail()));
        }
    }

    /** The producers' signed statements (issue #20 part 3) go here; this version lists them only. */
    private static void statements(Path root, String dir, List<Finding> findings) throws IOException {
        Path statements = root.resolve(dir);
        long count = 0;
        if (Files.isDirectory(statements)) {
            try (Stream<Path> files = Files.list(statements)) {
                count = files.count();
            }
        }
        findings.add(Finding.note(
                "STATEMENTS", dir, count + " producer statement(s); this verifier does not check" + " them yet"));
    }

    private static List<Finding> print(List<Finding> findings, PrintStream out) {
        findings.forEach(f -> out.println(f.line()));
        return findings;
    }

    private static int report(List<Finding> findings, PrintStream out) {
        List<Finding> failed = findings.stream().filter(f -> !f.ok()).toList();
        if (failed.isEmpty()) {
            out.println("VERIFIED " + findings.size() + " checks passed");
            return 0;
        }
        out.println("FAILED " + failed.size() + " of " + findings.size() + " checks:");
        failed.forEach(f -> out.println("  " + f.code() + " " + f.subject() + ": " + f.detail()));
        return 1;
    }

    private static Path ownDirectory() throws URISyntaxException {
        Path jar = Path.of(ArchiveVerifier.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return Files.isRegularFile(jar) ? jar.toAbsolutePath().getParent() : jar;
    }
}

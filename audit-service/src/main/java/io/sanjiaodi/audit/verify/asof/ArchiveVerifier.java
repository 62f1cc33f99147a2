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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main class of an archive's {@code verifier.jar}: {@code java -jar verifier.jar [dir|archive.zip]
 * [--witnesses keys.txt]} (no path: the directory the jar sits in). Needs only a JRE. Checks the
 * checkpoint's signature with the archive's key, its C2SP note and the witnesses' cosignatures
 * ({@link ArchiveEvidence}; the reader's own witness keys with {@code --witnesses}), every as-of
 * proof ({@link AsOfVerifier}) against that one checkpoint, and the producers' statements against
 * the proofs; prints every check and ends with VERIFIED (exit 0) or FAILED and what failed (exit 1);
 * exit 2 when the archive cannot be read at all. Layout: {@link #MANIFEST}.
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
            List<String> rest = new ArrayList<>(List.of(args));
            List<String> witnesses = null;
            int option = rest.indexOf("--witnesses");
            if (option >= 0 && option + 1 < rest.size()) {
                witnesses = Files.readAllLines(Path.of(rest.get(option + 1)));
                rest.subList(option, option + 2).clear();
            }
            Path target = rest.isEmpty() ? ownDirectory() : Path.of(rest.get(0));
            if (Files.isRegularFile(target)) {
                try (FileSystem zip = FileSystems.newFileSystem(target)) {
                    return report(verify(zip.getPath("/"), witnesses, out), out);
                }
            }
            return report(verify(target, witnesses, out), out);
        } catch (IOException | RuntimeException | URISyntaxException e) {
            out.println("ERROR the archive cannot be read: " + e);
            return 2;
        }
    }

    /** Every check of the archive in {@code root}, trusting the witness keys it names. */
    public static List<Finding> verify(Path root, PrintStream out) throws IOException {
        return verify(root, null, out);
    }

    /**
     * Every check of the archive in {@code root}; failures are findings, not exceptions.
     *
     * @param witnesses the verifier keys of the witnesses the reader trusts, or null for the archive's list
     */
    public static List<Finding> verify(Path root, List<String> witnesses, PrintStream out) throws IOException {
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
        ArchiveEvidence evidence = new ArchiveEvidence(root, manifest, JSON, findings);
        evidence.note(checkpoint, witnesses);
        Map<String, AsOfProof> proofs = new LinkedHashMap<>();
        for (JsonNode file : manifest.path("proofs")) {
            AsOfProof proof = proof(root, file.asText(), checkpoint, key, findings);
            if (proof != null) {
                proofs.put(proof.aggregateId(), proof);
            }
        }
        evidence.statements(checkpoint, proofs);
        return print(findings, out);
    }

    private static AsOfProof proof(
            Path root, String file, Checkpoint checkpoint, PublicKey key, List<Finding> findings) {
        AsOfProof proof;
        try {
            proof = JSON.readValue(Files.readString(root.resolve(file)), AsOfProof.class);
        } catch (IOException | RuntimeException e) {
            findings.add(Finding.fail("FILE_UNREADABLE", file, e.getMessage()));
            return null;
        }
        if (!checkpoint.equals(proof.checkpoint())) {
            findings.add(
                    Finding.fail("CHECKPOINT_DIFFERS", file, "proves against another checkpoint than the archive's"));
        }
        for (Finding f : AsOfVerifier.verify(proof, key)) {
            findings.add(new Finding(f.ok(), f.code(), file + " " + f.subject(), f.detail()));
        }
        return proof;
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

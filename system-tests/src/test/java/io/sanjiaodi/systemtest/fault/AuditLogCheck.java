package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.audit.verify.OfflineVerifier;
import io.sanjiaodi.platform.security.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The audit log as an outsider checks it, trusting neither the service nor its store: the whole
 * export re-verified by the offline verifier against every signed checkpoint and the public key.
 * That checks each entry once at a dense index, the aggregate chains, the payload hashes, every
 * checkpoint's signature, and that every checkpoint's root is the root of the same log's prefix:
 * each checkpoint consistent with the next, across every crash and change of writer.
 */
final class AuditLogCheck {

    /** The verifier's first line ("OK   n entries re-verified ..., k checkpoint(s) ..."), and its FAIL lines. */
    record Result(boolean ok, String summary, List<String> failures) {}

    private final HttpClient http = HttpClient.newHttpClient();

    Result check(String auditUrl, Path dir) throws Exception {
        Files.createDirectories(dir);
        // checkpoints before the export: the export then holds at least what any checkpoint covers
        Path checkpoints = fetch(auditUrl + "/api/audit/checkpoints", dir.resolve("checkpoints.json"));
        Path key = fetch(auditUrl + "/api/audit/public-key", dir.resolve("public.pem"));
        Path export = fetch(auditUrl + "/api/audit/export", dir.resolve("log.jsonl"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(
                new String[] {
                    "export",
                    "--key",
                    key.toString(),
                    "--export",
                    export.toString(),
                    "--checkpoint",
                    checkpoints.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> failures =
                lines.stream().filter(l -> l.startsWith("FAIL")).limit(20).toList();
        return new Result(
                code == 0, lines.isEmpty() ? "no output" : lines.get(0).trim(), failures);
    }

    private Path fetch(String url, Path to) throws Exception {
        HttpResponse<Path> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", TestTokens.bearer(TestTokens.token("auditor")))
                        .build(),
                HttpResponse.BodyHandlers.ofFile(to));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + Files.readString(to));
        }
        return to;
    }
}

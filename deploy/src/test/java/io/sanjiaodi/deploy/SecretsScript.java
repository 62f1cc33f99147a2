package io.sanjiaodi.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs k8s/create-secrets.sh against a stand-in kubectl that answers "nothing exists yet" and keeps
 * what the script would create (secret name → key → content), so a test can read the keys the
 * services will load.
 */
final class SecretsScript {
    private static final String STAND_IN = """
            #!/usr/bin/env bash
            # a cluster with nothing in it that keeps every secret it is given under $SECRETS_OUT
            set -euo pipefail
            args=("$@")
            [ "${args[0]}" = -n ] && args=("${args[@]:2}")
            case "${args[0]} ${args[1]:-}" in
              "get "*) exit 1 ;;
              "create namespace") exit 0 ;;
              "create secret") ;;
              *) echo "unexpected: kubectl $*" >&2; exit 2 ;;
            esac
            kind=${args[2]}; name=${args[3]}; dir="$SECRETS_OUT/$name"; mkdir -p "$dir"
            for arg in "${args[@]:4}"; do
              case "$arg" in
                --from-file=*=*) spec=${arg#--from-file=}; cp "${spec#*=}" "$dir/${spec%%=*}" ;;
                --from-literal=*=*) spec=${arg#--from-literal=}; printf '%s' "${spec#*=}" > "$dir/${spec%%=*}" ;;
                --cert=*) cp "${arg#--cert=}" "$dir/tls.crt" ;;
                --key=*) cp "${arg#--key=}" "$dir/tls.key" ;;
                *) echo "unexpected argument $arg ($kind)" >&2; exit 2 ;;
              esac
            done
            """;

    private SecretsScript() {}

    /** The secrets the script makes in an empty cluster: name → (key → content). */
    static Map<String, Map<String, String>> run(Path script, Path work) {
        try {
            Path bin = Files.createDirectories(work.resolve("bin"));
            Path out = Files.createDirectories(work.resolve("secrets"));
            Path kubectl = bin.resolve("kubectl");
            Files.writeString(kubectl, STAND_IN);
            Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("script.log").toFile());
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            builder.environment().put("SECRETS_OUT", out.toString());
            builder.environment().put("S3_ACCESS_KEY_ID", "test-access-key");
            builder.environment().put("S3_ACCESS_SECRET_KEY", "test-secret-key");
            builder.environment()
                    .put(
                            "TLS_CERT",
                            Files.writeString(work.resolve("tls.crt"), "certificate")
                                    .toString());
            builder.environment()
                    .put(
                            "TLS_KEY",
                            Files.writeString(work.resolve("tls.key"), "key").toString());
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "create-secrets.sh failed: " + Files.readString(work.resolve("script.log")));
            }
            Map<String, Map<String, String>> secrets = new TreeMap<>();
            try (Stream<Path> dirs = Files.list(out)) {
                for (Path dir : dirs.toList()) {
                    Map<String, String> keys = new TreeMap<>();
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path file : files.toList()) {
                            keys.put(file.getFileName().toString(), Files.readString(file));
                        }
                    }
                    secrets.put(dir.getFileName().toString(), keys);
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

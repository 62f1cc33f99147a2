package io.sanjiaodi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Go's own x/mod from Debian (golang-go, golang-golang-x-mod-dev: .ci/run installs them), used by the
 * interoperability tests in GOPATH mode over Debian's sources: no module, no network. Missing Go is a
 * failure that names the packages, not a skip: these tests are the only proof that tools nobody here
 * wrote read our formats.
 */
public final class DebianGo {

    private static final Path GO = Path.of("/usr/bin/go");
    private static final Path GOPATH = Path.of("/usr/share/gocode");

    /** What a run printed (stdout and stderr) and its exit code; -1 when it timed out. */
    public record Run(int exit, String output) {}

    private DebianGo() {}

    /** Builds {@code src/test/go/<name>/main.go} into {@code work}; the x/mod package it needs must be there. */
    public static Path build(String name, String xModPackage, Path work) throws Exception {
        if (!Files.isExecutable(GO) || !Files.isDirectory(GOPATH.resolve("src/golang.org/x/mod/" + xModPackage))) {
            fail("Debian golang-go and golang-golang-x-mod-dev are not installed (.ci/run installs them):"
                    + " apt-get install -y golang-go golang-golang-x-mod-dev");
        }
        Path program = work.resolve(name);
        Path source = Path.of("src/test/go/" + name + "/main.go").toAbsolutePath();
        Run build = run(work, List.of(GO.toString(), "build", "-o", program.toString(), source.toString()));
        assertThat(build.exit()).as(build.output()).isZero();
        return program;
    }

    public static Run run(Path work, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GO111MODULE", "off");
        builder.environment().put("GOPATH", GOPATH.toString());
        builder.environment().put("GOFLAGS", "");
        builder.environment().put("GOCACHE", work.resolve("gocache").toString());
        builder.environment().put("GOPROXY", "off");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }
}

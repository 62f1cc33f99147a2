package io.sanjiaodi.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: a log given by its vkey, and a log key pinned on first use and never fetched again. */
class WitnessMainTest {

    @TempDir
    Path data;

    @Test
    void aBareVerifierKeyNamesTheOriginAndABadOneIsRefusedAtStart() throws Exception {
        TestLog log = new TestLog("example.test/log");
        Witness.LogConfig config = WitnessMain.logConfig(log.vkey());
        assertThat(config.origin()).isEqualTo("example.test/log");
        assertThat(WitnessMain.logConfig("other/origin " + log.vkey()).origin()).isEqualTo("other/origin");
        String wrongId = log.vkey().replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        assertThatThrownBy(() -> WitnessMain.logConfig(wrongId)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLogKeyIsPinnedOnFirstUseAndThePinnedOneIsKeptAfterwards() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(new TestLog("example.test/log").vkey());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/key", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/key";
            String first = served.get();
            assertThat(WitnessMain.pinnedLogKey(data, url)).isEqualTo(first);
            served.set(new TestLog("example.test/log").vkey()); // the log's key changed: a new log, or an attack
            assertThat(WitnessMain.pinnedLogKey(data, url)).isEqualTo(first);
            assertThat(Files.readString(data.resolve("pinned-log-key")).strip()).isEqualTo(first);
        } finally {
            server.stop(0);
        }
    }
}

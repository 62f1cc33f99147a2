package io.sanjiaodi.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness over HTTP: the protocol's statuses and content types, and a split view refused and reported. */
class WitnessServerTest {

    @TempDir
    Path data;

    TestLog log;
    WitnessServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        log = new TestLog(WitnessTest.ORIGIN).append("a", "b", "c");
        Witness witness = new Witness(
                new WitnessKey("witness.test/w1", data),
                List.of(new Witness.LogConfig(WitnessTest.ORIGIN, log.vkey())),
                new StateStore(data),
                WitnessTest.CLOCK);
        server = new WitnessServer(witness, new InetSocketAddress("127.0.0.1", 0), "/w").start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/w/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCosignatureIsAnsweredWith200AndAnOldSizeMismatchWith409AndTheSizeAsTlogSize() throws Exception {
        HttpResponse<String> ok = post(log.request(0));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("\u2014 witness.test/w1 ").endsWith("\n");

        HttpResponse<String> conflict = post(log.request(0));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).contains("text/x.tlog.size");
        assertThat(conflict.body()).isEqualTo("3\n");

        assertThat(post("nonsense").statusCode()).isEqualTo(400);
        assertThat(get("/w/add-checkpoint").statusCode()).isEqualTo(405);
    }

    @Test
    void theMonitorRetrievalServesTheCosignedCheckpointByOriginHash() throws Exception {
        String hash = StateStore.originHash(WitnessTest.ORIGIN);
        assertThat(get("/w/" + hash + "/checkpoint").statusCode()).isEqualTo(404);
        String cosignature = post(log.request(0)).body();
        HttpResponse<String> checkpoint = get("/w/" + hash + "/checkpoint");
        assertThat(checkpoint.statusCode()).isEqualTo(200);
        assertThat(checkpoint.body()).isEqualTo(log.checkpoint(3) + cosignature);
    }

    @Test
    void aSplitViewIsRefusedAndReportedInTheStateAndTheMetrics() throws Exception {
        // two faces of one log: same key, same origin, same first three entries, then different ones
        TestLog shownToAlice = log.copy().append("d", "e");
        TestLog shownToBob = log.copy().append("x", "y", "z");
        assertThat(post(log.request(0)).statusCode()).isEqualTo(200);
        assertThat(post(shownToAlice.request(3)).statusCode()).isEqualTo(200);

        HttpResponse<String> bob = post(shownToBob.request(5));
        assertThat(bob.statusCode()).isEqualTo(422);
        assertThat(bob.body()).startsWith("WITNESS_BAD_CONSISTENCY_PROOF");
        HttpResponse<String> bobSameSize = post(shownToBob.copy().append().request(5, 5));
        assertThat(bobSameSize.statusCode()).isEqualTo(422);
        assertThat(bobSameSize.body()).startsWith("WITNESS_FORK_SAME_SIZE");

        String state = get("/state").body();
        assertThat(state)
                .contains("\"origin\":\"" + WitnessTest.ORIGIN + "\",\"size\":5")
                .contains("\"code\":\"WITNESS_BAD_CONSISTENCY_PROOF\"")
                .contains("\"code\":\"WITNESS_FORK_SAME_SIZE\"")
                .contains("\"verifierKey\":\"witness.test/w1+");
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .contains("witness_refusals_total{origin=\"" + WitnessTest.ORIGIN
                        + "\",code=\"WITNESS_BAD_CONSISTENCY_PROOF\"} 1")
                .contains("witness_cosignatures_total{origin=\"" + WitnessTest.ORIGIN + "\"} 2");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }
}

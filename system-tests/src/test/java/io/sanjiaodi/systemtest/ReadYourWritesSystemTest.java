package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.systemtest.RunningSystem.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Read-your-writes over the real services: every command's answer carries a Consistency-Token,
 * and the next query that sends it back sees the command's result at once — round after round, on
 * both services, and for an evidence file downloaded right after its upload. Without the token
 * the same queries race the projections (root README "Read-your-writes": 7 of 40 stale reads per service).
 */
class ReadYourWritesSystemTest {

    @RegisterExtension
    static final LocalSystem LOCAL = new LocalSystem("ryw_");

    private static final int ROUNDS = Integer.getInteger("ryw.rounds", 20);
    private static final String TOKEN = "Consistency-Token";
    private final Http http = new Http();

    @Test
    void whatAnInterviewCommandChangedIsInTheNextQueryThatCarriesItsToken() {
        InterviewFlow flow = LOCAL.probe().flow();
        String base = LOCAL.services().url(Service.INTERVIEW) + "/api/interviews/";
        for (int round = 0; round < ROUNDS; round++) {
            Http.Response scheduled = flow.scheduleResponse("读写一致测试单位" + round, "nb-secretary");
            assertThat(scheduled.status()).as("%s", scheduled.body()).isEqualTo(201);
            String id = scheduled.body().get("id").asText();
            assertThat(scheduled.header(TOKEN))
                    .as("round %d: the scheduling's token", round)
                    .startsWith(id + "@");

            Http.Response read = http.get(base + id, TOKEN, scheduled.header(TOKEN));
            assertThat(read.status()).as("round %d: %s", round, read.body()).isEqualTo(200);
            assertThat(read.body().get("status").asText()).isEqualTo("SCHEDULED");

            String text = "第" + round + "轮专题研究";
            Http.Response added =
                    http.post(base + id + "/responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"" + text + "\"}");
            assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
            JsonNode after = http.get(base + id, TOKEN, added.header(TOKEN)).body();
            assertThat(after.get("responsibilities").findValuesAsText("text"))
                    .as("round %d: the item just added", round)
                    .contains(text);
        }
    }

    @Test
    void whatALedgerCommandChangedAndAFileJustUploadedAreThereRightAfter() throws Exception {
        String interviewId = LOCAL.probe().flow().scheduleWithListsAndConduct("读写一致台账单位");
        String ledgerId = await().atMost(SystemProbe.WITHIN)
                .until(() -> LOCAL.probe().ledgerOf(interviewId), l -> l != null)
                .get("ledgerId")
                .asText();
        String ledger = LOCAL.services().url(Service.RECTIFICATION) + "/api/ledgers/" + ledgerId;
        String task = http.get(ledger).body().get("tasks").get(0).get("taskId").asText();
        HttpClient client = HttpClient.newHttpClient();
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String text = "第" + round + "次整改进展";
            Http.Response reported = http.post(ledger + "/tasks/" + task + "/progress", "{\"text\": \"" + text + "\"}");
            assertThat(reported.status()).as("%s", reported.body()).isEqualTo(201);
            JsonNode view = http.get(ledger, TOKEN, reported.header(TOKEN)).body();
            if (!view.get("tasks")
                    .get(0)
                    .get("progressReports")
                    .findValuesAsText("text")
                    .contains(text)) {
                failures.add("round " + round + ": progress report missing");
            }

            String upload = ledger + "/tasks/" + task + "/evidence";
            byte[] content = ("整改材料 " + round).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> uploaded = client.send(
                    HttpRequest.newBuilder(URI.create(upload))
                            .header("Authorization", Http.bearerFor("POST", upload))
                            .header("Content-Type", "multipart/form-data; boundary=b")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    Http.multipartFile("材料" + round + ".txt", "text/plain", content)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            String evidenceId = uploaded.body().replaceAll(".*\"evidenceId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String token = uploaded.headers().firstValue(TOKEN).orElseThrow();
            String download = ledger + "/evidence/" + evidenceId + "?consistency="
                    + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<byte[]> file = client.send(
                    HttpRequest.newBuilder(URI.create(download))
                            .header("Authorization", Http.bearerFor("GET", download))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (file.statusCode() != 200 || !java.util.Arrays.equals(file.body(), content)) {
                failures.add("round " + round + ": download answered " + file.statusCode());
            }
        }
        assertThat(failures)
                .as("writes not seen by the next query with their token")
                .isEmpty();
    }

    @Test
    void aTokenOfAnEventTheServiceNeverStoredIsRefusedAndAMalformedOneToo() {
        String base = LOCAL.services().url(Service.INTERVIEW) + "/api/interviews";
        Http.Response unknown = http.get(base, TOKEN, "no-such-interview@0");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("code").asText()).isEqualTo("CONSISTENCY_TOKEN_UNKNOWN");
        Http.Response malformed = http.get(base, TOKEN, "iv-1@first");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.body().get("code").asText()).isEqualTo("CONSISTENCY_TOKEN_MALFORMED");
    }
}

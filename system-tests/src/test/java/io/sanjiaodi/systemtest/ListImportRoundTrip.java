package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1's lists exported as a spreadsheet and imported into a new interview through the real
 * interview-service: preview, confirmation, the same file confirmed again (adds nothing), and the
 * lists read back with the confirmation's consistency token. Used by ScenarioSystemTest, whose demo
 * data holds scenario 1.
 */
final class ListImportRoundTrip {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    ListImportRoundTrip(String interviewServiceUrl) {
        this.base = interviewServiceUrl + "/api/interviews/";
    }

    /** @return the new interview as read right after the confirmation */
    JsonNode copy(JsonNode from, String into) throws Exception {
        String from_ = from.get("interviewId").asText();
        HttpResponse<byte[]> exported = send(
                HttpRequest.newBuilder(URI.create(base + from_ + "/lists/export")),
                "GET",
                base + from_ + "/lists/export");
        assertThat(exported.statusCode()).isEqualTo(200);
        int items = from.get("responsibilities").size()
                + from.get("problems").size()
                + from.get("risks").size();

        JsonNode preview =
                JSON.readTree(upload(into, "/lists/import", exported.body()).body());
        assertThat(preview.get("items").asInt()).as("%s", preview).isEqualTo(items);
        HttpResponse<byte[]> confirmed = upload(into, "/lists/import/confirm", exported.body());
        JsonNode first = JSON.readTree(confirmed.body());
        assertThat(first.get("added").asInt()).as("%s", first).isEqualTo(items);
        JsonNode again = JSON.readTree(
                upload(into, "/lists/import/confirm", exported.body()).body());
        assertThat(again.get("added").asInt())
                .as("the same file confirmed again")
                .isZero();
        assertThat(again.get("alreadyOnTheLists").asInt()).isEqualTo(items);

        String token = confirmed.headers().firstValue("Consistency-Token").orElseThrow();
        String read = base + into;
        HttpResponse<byte[]> view =
                send(HttpRequest.newBuilder(URI.create(read)).header("Consistency-Token", token), "GET", read);
        return JSON.readTree(view.body());
    }

    /** What the round trip keeps of each list: everything but ids, templates and sources. */
    static List<List<String>> content(JsonNode interview) {
        List<List<String>> rows = new ArrayList<>();
        interview
                .get("responsibilities")
                .forEach(i ->
                        rows.add(List.of(i.get("kind").asText(), i.get("text").asText())));
        interview
                .get("problems")
                .forEach(i -> rows.add(List.of(
                        i.get("aspect").asText(),
                        i.get("description").asText(),
                        i.get("sourceChannel").asText())));
        interview
                .get("risks")
                .forEach(i -> rows.add(List.of(
                        i.get("businessArea").asText(),
                        i.get("description").asText(),
                        i.path("typicalCases").asText(""),
                        i.path("preventionExpectations").asText(""),
                        i.get("level").asText())));
        return rows;
    }

    private HttpResponse<byte[]> upload(String interviewId, String path, byte[] xlsx) throws Exception {
        String url = base + interviewId + path;
        byte[] body = Http.multipartFile(
                "lists.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        HttpResponse<byte[]> answer = send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "multipart/form-data; boundary=b")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                "POST",
                url);
        assertThat(answer.statusCode())
                .as("%s %s", path, new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return answer;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String method, String url) throws Exception {
        return client.send(
                request.header("Authorization", Http.bearerFor(method, url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}

package io.sanjiaodi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A body sent without Content-Length (chunked) is limited like one that declares its length: a real
 * Tomcat, a real chunked request from {@code java.net.http} (an input-stream publisher has no length).
 */
@SpringBootTest(
        classes = ChunkedBodyLimitTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sanjiaodi.max-request-bytes=" + ChunkedBodyLimitTest.LIMIT)
class ChunkedBodyLimitTest {

    static final int LIMIT = 4096;

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        HttpResponse<String> response = post(chunked(body(LIMIT - 100)));

        assertThat(response.statusCode()).isEqualTo(200);
        // the request really was chunked, so this is the path without a declared length
        assertThat(response.body()).isEqualTo("chunked " + (LIMIT - 100 - 11));
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedAsPayloadTooLarge() throws Exception {
        HttpResponse<String> response = post(chunked(body(LIMIT * 8)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void aChunkedBodyOfExactlyTheLimitIsAccepted() throws Exception {
        HttpResponse<String> response = post(chunked(body(LIMIT)));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyOneBytePastTheLimitIsRefusedToo() throws Exception {
        HttpResponse<String> response = post(chunked(body(LIMIT + 1)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void aDeclaredLengthPastTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(body(LIMIT * 8)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    /** A JSON object of exactly {@code bytes} bytes: {"text":"aaa…"} (11 bytes of frame). */
    private static String body(int bytes) {
        return "{\"text\":\"" + "a".repeat(bytes - 11) + "\"}";
    }

    private static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private HttpResponse<String> post(BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/echo"))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        ProblemDetailsAutoConfiguration.class
    })
    @Import(Echo.class)
    static class App {}

    @RestController
    static class Echo {
        @PostMapping("/echo")
        String echo(
                @RequestBody Map<String, String> body,
                @RequestHeader(name = "Transfer-Encoding", required = false) String transferEncoding) {
            return transferEncoding + " " + body.get("text").length();
        }
    }
}

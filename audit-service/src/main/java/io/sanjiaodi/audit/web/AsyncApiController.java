package io.sanjiaodi.audit.web;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published language as an AsyncAPI 3 document, open beside the OpenAPI documents: every topic,
 * every event with its payload schema and the CloudEvents headers it travels with. The document is
 * the one in the contracts jar, generated from the event records and checked against their
 * fixtures in that module's build.
 */
@RestController
class AsyncApiController {

    private static final Resource DOCUMENT = new ClassPathResource("asyncapi/sanjiaodi.asyncapi.json");

    @GetMapping(value = "/v3/asyncapi", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> document() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(DOCUMENT);
    }
}

package io.sanjiaodi.supervision.web;

import io.sanjiaodi.supervision.DashboardProperties;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's sign-in settings as a file beside its pages, so the plain-JS page needs no build
 * step per environment. Public like the rest of /dashboard/**: it names no secret.
 */
@RestController
class DashboardConfig {

    private final DashboardProperties properties;

    DashboardConfig(DashboardProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/dashboard/config.json")
    Map<String, String> config() {
        return Map.of(
                "authServerUrl",
                properties.authServerUrl().replaceAll("/+$", ""),
                "clientId",
                properties.clientId(),
                "scope",
                properties.scope());
    }
}

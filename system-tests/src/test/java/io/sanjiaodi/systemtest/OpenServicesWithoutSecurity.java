package io.sanjiaodi.systemtest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * The auth server brings Spring Security onto the system tests' one classpath, and with it Boot's
 * default lock on every service that has no security of its own. A service that defines its own
 * filter chain (a resource server, issue #7 branch sec-api) makes this back off; one that does not
 * stays as open as it is when run on its own jar: no lock, no CSRF check, no extra headers, and no
 * firewall (the fuzz test's odd paths reach Tomcat and Spring MVC as they would without Spring
 * Security). Test classpath only.
 */
// after the platform's resource-server configuration (branch sec-api), which then wins: its chain makes this one back off
@AutoConfiguration(before = SecurityAutoConfiguration.class,
        afterName = "io.sanjiaodi.platform.security.ResourceServerAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnMissingBean(SecurityFilterChain.class)
@EnableWebSecurity
public class OpenServicesWithoutSecurity {

    @Bean
    SecurityFilterChain openAsWithoutSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .build();
    }

    /** Picked up by Spring Security's WebSecurity in place of its StrictHttpFirewall. */
    @Bean
    HttpFirewall passThroughFirewall() {
        return new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                return new FirewalledRequest(request) {
                    @Override
                    public void reset() {
                    }
                };
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return response;
            }
        };
    }
}

package io.sanjiaodi.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sanjiaodi.platform.PlatformProperties;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server (the security contract in the root README): RS256 JWTs from the
 * auth server, issuer checked, no sessions, no CSRF (no cookies: a bearer token cannot be forged
 * by another site). Open: health, metrics, API docs, the dashboard's static files and the signed
 * audit checkpoints. Every other {@code /api/**} endpoint needs a token and a role named by an
 * {@link AccessRule}; an endpoint without a rule is closed. Refusals leave as RFC 7807 problems
 * with stable codes; a signed-in actor's are recorded as {@code AccessDenied} events, coalesced, and
 * those without a valid token only counted ({@link DenialRecorder}).
 */
@AutoConfiguration(
        before = {
            SecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class,
            AxonAutoConfiguration.class
        })
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, OAuth2ResourceServerProperties.class, PlatformProperties.class
})
public class ResourceServerAutoConfiguration {

    /** EventSource cannot send headers: the live-update stream takes a ticket as a query parameter. */
    public static final String STREAM_PATH = "/api/supervision/stream";

    public static final String STREAM_TICKET_PARAMETER = "ticket";

    static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/v3/asyncapi",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/dashboard",
        "/dashboard/**",
        "/error"
    };

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SecurityProperties security)
            throws IOException {
        Resource keyLocation = resourceServer.getJwt().getPublicKeyLocation();
        NimbusJwtDecoder decoder;
        if (keyLocation != null) {
            try (InputStream in = keyLocation.getInputStream()) {
                RSAPublicKey key = RsaKeyConverters.x509().convert(in);
                decoder =
                        NimbusJwtDecoder.withPublicKey(key).validateType(false).build();
            }
        } else {
            String jwkSetUri = resourceServer.getJwt().getJwkSetUri();
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri != null ? jwkSetUri : security.jwkSetUri())
                    .validateType(false)
                    .build();
        }
        // validateType(false): Nimbus' own check would pass only "JWT" (or none) and refuse at+jwt before
        // any validator runs; AccessTokens checks the type, with the issuer and the audience
        decoder.setJwtValidator(AccessTokens.validator(security.issuer(), security.apiAudience()));
        return decoder;
    }

    @Bean
    DenialRecorder denialRecorder(
            ObjectProvider<EventGateway> events,
            PlatformProperties platform,
            SecurityProperties security,
            ObjectProvider<MeterRegistry> meters) {
        SecurityProperties.DenialWindowSettings denials = security.denials();
        return new DenialRecorder(
                events,
                platform.serviceName() == null ? "unknown" : platform.serviceName(),
                meters.getIfAvailable(SimpleMeterRegistry::new),
                Clock.systemUTC(),
                denials.window(),
                denials.openWindows());
    }

    @Bean
    DenialFlusher denialFlusher(DenialRecorder recorder, SecurityProperties security) {
        return new DenialFlusher(recorder, security.denials().window());
    }

    @Bean
    AccessRule.Policy deadLetterAccess() {
        return () -> List.of(
                AccessRule.of("GET", "/api/dead-letters", Role.ADMIN, Role.AUDITOR),
                AccessRule.of("POST", "/api/dead-letters/retry", Role.ADMIN));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            List<AccessRule.Policy> policies,
            JsonMapper json,
            DenialRecorder denials,
            StreamTickets tickets)
            throws Exception {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            boolean presented = e instanceof OAuth2AuthenticationException;
            String code = presented ? "TOKEN_INVALID" : "AUTHENTICATION_REQUIRED";
            denials.record(request, 401, code, null);
            response.setHeader("WWW-Authenticate", presented ? "Bearer error=\"invalid_token\"" : "Bearer");
            write(
                    json,
                    response,
                    Refusal.unauthenticated(
                            code,
                            presented
                                    ? "the bearer token is not valid (signature, issuer or expiry)"
                                    : "this endpoint needs a bearer token"));
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            Actor actor = actor();
            denials.record(request, 403, "ACCESS_DENIED", actor);
            write(
                    json,
                    response,
                    Refusal.forbidden(
                            "ACCESS_DENIED",
                            "role "
                                    + (actor == null || actor.role() == null ? "NONE" : actor.role()) + " may not "
                                    + request.getMethod() + " " + request.getRequestURI()));
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .oauth2ResourceServer(rs -> rs.bearerTokenResolver(bearerTokenResolver(tickets))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(OPEN_PATHS).permitAll();
                    auth.requestMatchers(
                                    HttpMethod.GET,
                                    "/api/audit/public-key",
                                    // a producer's statement key (platform statements): verifiers have no account
                                    "/api/producer/public-key",
                                    "/api/audit/checkpoints",
                                    "/api/audit/checkpoints/**",
                                    // C2SP tlog-tiles (#20): checkpoint, hash tiles (a numeric level, so not
                                    // the entry bundles at tile/entries/, which audit-service restricts)
                                    "/api/audit/log/checkpoint",
                                    "/api/audit/log/verifier-key",
                                    "/api/audit/log/tile/{level:[0-9]+}/**")
                            .permitAll();
                    for (AccessRule.Policy policy : policies) {
                        for (AccessRule rule : policy.rules()) {
                            auth.requestMatchers(HttpMethod.valueOf(rule.method()), rule.pattern())
                                    .hasAnyAuthority(rule.roles().stream()
                                            .map(Role::authority)
                                            .toArray(String[]::new));
                        }
                    }
                    auth.requestMatchers("/api/**", "/actuator/**").denyAll();
                    auth.anyRequest().permitAll();
                });
        return http.build();
    }

    /**
     * The header everywhere; on the live stream also {@code ?ticket=} (EventSource cannot send headers),
     * which stands for the token it was issued for ({@link StreamTickets}). An access token in a URL is
     * never read: it would outlive its request in logs and histories.
     */
    static BearerTokenResolver bearerTokenResolver(StreamTickets tickets) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            String ticket = request.getParameter(STREAM_TICKET_PARAMETER);
            if (ticket == null || !STREAM_PATH.equals(request.getRequestURI()) || !"GET".equals(request.getMethod())) {
                return header.resolve(request);
            }
            return tickets.redeem(ticket)
                    .orElseThrow(() -> new OAuth2AuthenticationException(
                            BearerTokenErrors.invalidToken("the stream ticket is unknown, used or expired")));
        };
    }

    @Bean
    StreamTickets streamTickets(SecurityProperties security) {
        SecurityProperties.StreamTicketSettings settings = security.streamTicketSettings();
        return new StreamTickets(Clock.systemUTC(), settings.lifetime(), settings.capacity());
    }

    /** The actor goes onto every command, and from there (correlation data) onto every event it causes. */
    @Bean
    CorrelationDataProvider actorCorrelationData() {
        return new SimpleCorrelationDataProvider(ActorMetaData.KEYS);
    }

    /**
     * Axon registers its default (correlation and trace ids) only when no other provider exists;
     * declaring the actor's would drop it, and with it the CloudEvents {@code correlationid}.
     */
    @Bean
    CorrelationDataProvider sanjiaodiMessageOrigin() {
        return new MessageOriginProvider();
    }

    /** A request the firewall refuses (encoded slashes, ...) is a problem with a code like any other 400. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(JsonMapper json) {
        return (request, response, e) -> write(
                json,
                response,
                ProblemDetailsAdvice.problem(
                        HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "the request path or headers are not acceptable"));
    }

    @Bean
    SmartInitializingSingleton actorOnCommands(
            ObjectProvider<CommandBus> commandBus, @Value("${spring.application.name:service}") String serviceName) {
        return () -> commandBus.ifAvailable(
                bus -> bus.registerDispatchInterceptor(new ActorDispatchInterceptor(serviceName)));
    }

    private static Actor actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Jwt jwt ? Actor.fromJwt(jwt) : null;
    }

    private static void write(JsonMapper json, HttpServletResponse response, Refusal refusal) throws IOException {
        write(json, response, ProblemDetailsAdvice.problem(refusal));
    }

    private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

package io.sanjiaodi.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.sanjiaodi.auth.client.DashboardClient;
import io.sanjiaodi.auth.key.JwkSetFile;
import io.sanjiaodi.auth.login.LoginThrottle;
import io.sanjiaodi.auth.login.ThrottledLogin;
import io.sanjiaodi.auth.token.DemoUserClaims;
import io.sanjiaodi.auth.user.DemoPasswords;
import io.sanjiaodi.auth.user.DemoUsers;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** The authorization server's endpoints, the login form, the demo users, the dashboard client and the key. */
@Configuration(proxyBeanMethods = false)
class AuthServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthServerConfiguration.class);

    /** The OAuth2/OIDC endpoints; a browser that is not signed in is sent to the login form. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the dashboard exchanges its code from another origin (its own page)
                .cors(Customizer.withDefaults())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browserPage()))
                // everything else (the page's fetch of the token endpoint, a script) gets a plain 401, not a login form
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** A request that asks for HTML explicitly, as a browser navigating does; not "any type". */
    private static MediaTypeRequestMatcher browserPage() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /** The login form, health for the run script and compose, nothing else. */
    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http, LoginThrottle throttle, DemoUsers users) throws Exception {
        // not a bean: Boot would register a Filter bean for every request, outside this chain
        ThrottledLogin throttled = new ThrottledLogin(throttle, users);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .requestMatchers("/login", "/login.css", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(throttled.onSuccess())
                        .failureHandler(throttled.onFailure()))
                // after the CSRF check, before the password check
                .addFilterBefore(throttled, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Counts failed sign-ins; a {@link Clock} bean (tests) replaces the system clock. */
    @Bean
    LoginThrottle loginThrottle(AuthServerProperties properties, ObjectProvider<Clock> clock) {
        return new LoginThrottle(properties.auth().loginThrottle(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(AuthServerProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.auth().dashboard().origins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "Authorization"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        source.registerCorsConfiguration("/oauth2/jwks", cors);
        source.registerCorsConfiguration("/userinfo", cors);
        source.registerCorsConfiguration("/.well-known/**", cors);
        return source;
    }

    @Bean
    DemoUsers demoUsers() {
        return DemoUsers.fromClasspath();
    }

    @Bean
    UserDetailsService users(DemoUsers users, AuthServerProperties properties, PasswordEncoder encoder) {
        String fixed = properties.auth().demoPassword();
        Map<String, String> passwords = fixed != null && !fixed.isBlank()
                ? DemoPasswords.fixed(users, fixed)
                : DemoPasswords.loadOrCreate(properties.authDir().resolve("demo-users.txt"), users);
        if (fixed == null || fixed.isBlank()) {
            log.info(
                    "Demo users {}; their passwords are in {}",
                    passwords.keySet(),
                    properties
                            .authDir()
                            .resolve("demo-users.txt")
                            .toAbsolutePath()
                            .normalize());
        }
        return new InMemoryUserDetailsManager(users.all().stream()
                .map(u -> User.withUsername(u.username())
                        .password(encoder.encode(passwords.get(u.username())))
                        .roles(u.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoUserClaims(DemoUsers users, AuthServerProperties properties) {
        return new DemoUserClaims(users, properties.security().audience());
    }

    @Bean
    RegisteredClientRepository registeredClients(AuthServerProperties properties) {
        return new InMemoryRegisteredClientRepository(DashboardClient.of(properties.auth()));
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(AuthServerProperties properties) {
        JWKSet keys = JwkSetFile.loadOrCreate(properties.authDir().resolve("jwks.json"));
        return new ImmutableJWKSet<>(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.security().issuer())
                .build();
    }
}

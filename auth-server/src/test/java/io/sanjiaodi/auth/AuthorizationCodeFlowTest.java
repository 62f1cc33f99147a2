package io.sanjiaodi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboard's sign-in end to end against the real filter chains: authorize, the login form,
 * the code, the token exchange with the PKCE verifier, and the access token's claims, type and
 * audience (the ID token has neither, so the services refuse it).
 */
@SpringBootTest(
        properties = {
            "spring.config.name=auth-server",
            "sanjiaodi.auth.demo-password=test-secret",
            "sanjiaodi.security.issuer=http://auth.test:9000"
        })
@AutoConfigureMockMvc
class AuthorizationCodeFlowTest {

    private static final String REDIRECT = "http://localhost:8083/dashboard/callback.html";
    private static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("sanjiaodi.data-dir", DATA::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JWKSource<SecurityContext> keys;

    @Test
    void signingInWithCodeAndPkceGivesAnAccessTokenWithTheUsersClaimsTypedAndAddressedToTheApi() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String code = signInAndGetCode(session, "unit-leader", "test-secret", challenge(VERIFIER));

        JsonNode tokens = JSON.readTree(mvc.perform(post("/oauth2/token")
                        .param("grant_type", "authorization_code")
                        .param("code", code)
                        .param("redirect_uri", REDIRECT)
                        .param("client_id", "dashboard")
                        .param("code_verifier", VERIFIER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        Jwt access = servicesDecoder().decode(tokens.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("unit-leader");
        assertThat(access.getClaimAsString("iss")).isEqualTo("http://auth.test:9000");
        assertThat(access.getHeaders()).containsEntry("alg", "RS256").containsEntry("typ", "at+jwt");
        assertThat(access.getAudience()).containsExactly("sanjiaodi-api");
        assertThat(access.getClaims())
                .containsEntry("name", "张某")
                .containsEntry("roles", List.of("UNIT_LEADER"))
                .containsEntry("jurisdiction_id", "ningbo")
                .containsEntry("unit_id", "nb-transport")
                .containsEntry("supervised_unit_ids", List.of());
        Jwt id = OAuth2AuthorizationServerConfiguration.jwtDecoder(keys)
                .decode(tokens.get("id_token").asString());
        assertThat(id.getClaims()).containsEntry("name", "张某").containsEntry("roles", List.of("UNIT_LEADER"));
        // the same claims and key, but not an access token: the services' check refuses it
        assertThat(id.getHeaders().get("typ")).isNotEqualTo("at+jwt");
        assertThat(id.getAudience()).containsExactly("dashboard");
        assertThatThrownBy(() -> servicesDecoder().decode(tokens.get("id_token").asString()))
                .isInstanceOf(JwtValidationException.class);
        // the key the tokens are signed with is the one in <data>/auth/jwks.json
        assertThat(Files.readString(DATA.resolve("auth/jwks.json")))
                .contains(access.getHeaders().get("kid").toString());
    }

    @Test
    void signingInAtTheFormDirectlyLandsOnAPageThatNamesTheUserAndLinksTheDashboard() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("username", "office")
                        .param("password", "test-secret"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"));
        assertThat(mvc.perform(get("/").session(session))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("周静", "office", "http://localhost:8083/dashboard/");
    }

    @Test
    void aWrongPasswordSendsBackToTheFormWithAnError() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/oauth2/authorize")
                        .session(session)
                        .accept(MediaType.TEXT_HTML)
                        .queryParams(authorizeParams(challenge(VERIFIER))))
                // Spring Security 7 redirects to the login form with a relative URI (RFC 9110 allows it;
                // it was absolute in 6), so the form is reached on whatever host and port the user came in on
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login"));

        mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("username", "office")
                        .param("password", "wrong"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login?error"));
        assertThat(mvc.perform(get("/login").param("error", ""))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("用户名或密码错误", "Wrong user name or password");
    }

    @Test
    void theCodeIsNotExchangedWithoutTheRightVerifier() throws Exception {
        String code = signInAndGetCode(new MockHttpSession(), "office", "test-secret", challenge(VERIFIER));
        mvc.perform(post("/oauth2/token")
                        .param("grant_type", "authorization_code")
                        .param("code", code)
                        .param("redirect_uri", REDIRECT)
                        .param("client_id", "dashboard"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/oauth2/token")
                        .param("grant_type", "authorization_code")
                        .param("code", code)
                        .param("redirect_uri", REDIRECT)
                        .param("client_id", "dashboard")
                        .param("code_verifier", VERIFIER.replace('a', 'b')))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anAuthorizationRequestWithoutPkceOrWithAForeignRedirectIsRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        signInAndGetCode(session, "office", "test-secret", challenge(VERIFIER));

        var withoutPkce = authorizeParams(challenge(VERIFIER));
        withoutPkce.remove("code_challenge");
        withoutPkce.remove("code_challenge_method");
        String location = mvc.perform(get("/oauth2/authorize").session(session).queryParams(withoutPkce))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location)
                .startsWith(REDIRECT)
                .contains("error=invalid_request")
                .doesNotContain("code=");

        var foreign = authorizeParams(challenge(VERIFIER));
        foreign.set("redirect_uri", "http://evil.example/callback.html");
        mvc.perform(get("/oauth2/authorize").session(session).queryParams(foreign))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheDashboardsOriginMayCallTheTokenEndpointFromAPage() throws Exception {
        mvc.perform(options("/oauth2/token")
                        .header("Origin", "http://localhost:8083")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:8083"));
        mvc.perform(options("/oauth2/token")
                        .header("Origin", "http://elsewhere.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden());
    }

    /**
     * What the services check (platform {@code AccessTokens}: issuer, typ at+jwt, aud sanjiaodi-api) over
     * this server's keys, rebuilt here because auth-server does not depend on platform.
     */
    private JwtDecoder servicesDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        JwtTypeValidator type = new JwtTypeValidator("at+jwt");
        type.setAllowEmpty(false);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator("http://auth.test:9000"), type, new JwtAudienceValidator("sanjiaodi-api"))));
        return decoder;
    }

    private String signInAndGetCode(MockHttpSession session, String user, String password, String challenge)
            throws Exception {
        mvc.perform(get("/oauth2/authorize")
                .session(session)
                .accept(MediaType.TEXT_HTML)
                .queryParams(authorizeParams(challenge)));
        MvcResult login = mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .param("username", user)
                        .param("password", password))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String back = login.getResponse().getRedirectedUrl();
        assertThat(back).contains("/oauth2/authorize");
        MvcResult authorized = mvc.perform(get(URI.create(back)).session(session))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        Map<String, String> query = UriComponentsBuilder.fromUriString(
                        authorized.getResponse().getRedirectedUrl())
                .build()
                .getQueryParams()
                .toSingleValueMap();
        assertThat(authorized.getResponse().getRedirectedUrl()).startsWith(REDIRECT);
        assertThat(query).containsEntry("state", "s-123");
        return query.get("code");
    }

    private static MultiValueMap<String, String> authorizeParams(String challenge) {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("response_type", "code");
        params.add("client_id", "dashboard");
        params.add("redirect_uri", REDIRECT);
        params.add("scope", "openid profile");
        params.add("state", "s-123");
        params.add("code_challenge", challenge);
        params.add("code_challenge_method", "S256");
        return params;
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("auth-server-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.sanjiaodi.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The login form's throttle through the real filter chains (auth-server.yml's limits: 5 failures
 * per user, 20 per address, 15 minutes), on a clock the test moves: each test starts a day later,
 * so no lock of another test is left.
 */
@SpringBootTest(properties = {"spring.config.name=auth-server", "sanjiaodi.auth.demo-password=test-secret"})
@AutoConfigureMockMvc
@Import(LoginThrottlingFlowTest.Clocks.class)
class LoginThrottlingFlowTest {

    private static final Path DATA = tempDir();

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("sanjiaodi.data-dir", DATA::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @MockitoSpyBean
    UserDetailsService users;

    @BeforeEach
    void aDayLater() {
        clock.advance(Duration.ofDays(1));
    }

    @Test
    void fiveWrongPasswordsLockTheUserSoTheRightOneIsRefusedUncheckedWhileOthersSignIn() throws Exception {
        for (int n = 0; n < 5; n++) {
            signIn("office", "wrong", "10.0.0.1")
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", "/login?error"));
        }
        clearInvocations(users);

        String page = signIn("office", "test-secret", "10.0.0.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("X-Refusal-Code", ThrottledLogin.CODE))
                .andExpect(header().string("Retry-After", "900"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the form is still there, with a fresh CSRF token and the marker
        assertThat(page)
                .contains("id=\"throttled\"", "data-code=\"LOGIN_THROTTLED\"", "name=\"username\"", "name=\"_csrf\"");
        // the lock is the user's, wherever the attempt comes from
        signIn("OFFICE", "test-secret", "10.0.0.9").andExpect(status().isTooManyRequests());
        verify(users, never()).loadUserByUsername(anyString());

        // another user, from another address or from the same one (5 failures are far from its 20)
        signIn("unit-leader", "test-secret", "10.0.0.2")
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"));
        signIn("leader", "test-secret", "10.0.0.1")
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"));
    }

    @Test
    void theLockPassesWithTheWindowAndTheSignInThenContinuesTheAuthorizationRequest() throws Exception {
        for (int n = 0; n < 5; n++) {
            signIn("office", "wrong", "10.0.1.1");
        }
        clock.advance(Duration.ofMinutes(14));
        signIn("office", "test-secret", "10.0.1.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));
        clock.advance(Duration.ofMinutes(1));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/oauth2/authorize")
                        .session(session)
                        .accept(MediaType.TEXT_HTML)
                        .queryParam("response_type", "code")
                        .queryParam("client_id", "dashboard")
                        .queryParam("redirect_uri", "http://localhost:8083/dashboard/callback.html")
                        .queryParam("scope", "openid profile")
                        .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                        .queryParam("code_challenge_method", "S256"))
                .andExpect(status().is3xxRedirection());
        String back = mvc.perform(post("/login")
                        .session(session)
                        .with(csrf())
                        .with(from("10.0.1.1"))
                        .param("username", "office")
                        .param("password", "test-secret"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(back).contains("/oauth2/authorize");
    }

    @Test
    void twentyFailuresFromOneAddressLockItForEveryUserButNotTheSameUserElsewhere() throws Exception {
        for (int n = 0; n < 20; n++) {
            signIn("guess-" + n, "wrong", "10.0.2.1").andExpect(status().is3xxRedirection());
        }
        signIn("office", "test-secret", "10.0.2.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("X-Refusal-Code", ThrottledLogin.CODE));
        signIn("office", "test-secret", "10.0.2.2").andExpect(header().string("Location", "/"));
    }

    @Test
    void aSuccessResetsTheUsersCount() throws Exception {
        for (int round = 0; round < 2; round++) {
            for (int n = 0; n < 4; n++) {
                signIn("auditor", "wrong", "10.0.3." + n).andExpect(header().string("Location", "/login?error"));
            }
            signIn("auditor", "test-secret", "10.0.3.9").andExpect(header().string("Location", "/"));
        }
    }

    private ResultActions signIn(String user, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                .with(csrf())
                .with(from(address))
                .param("username", user)
                .param("password", password));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("auth-server-throttle-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

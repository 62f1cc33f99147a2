package io.sanjiaodi.auth.login;

import io.sanjiaodi.auth.user.DemoUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The form login with {@link LoginThrottle}: a POST of the form for a locked user name or from a
 * locked address is answered 429 with the form and a {@value #CODE} message before Spring Security's
 * login filter runs, so the password is not checked at all (a guess while locked learns nothing);
 * the failure and success handlers count. The address is the one Tomcat sees
 * ({@code getRemoteAddr()}): an {@code X-Forwarded-For} changes it only when
 * {@code server.forward-headers-strategy} says the proxy is trusted.
 *
 * <p>Logged: a key when it becomes locked (so at most once per key per window, whatever the number of
 * refused attempts; a user name only if it is a demo user's, since people type passwords into the
 * user field), refused attempts at DEBUG.
 */
public final class ThrottledLogin extends OncePerRequestFilter {

    /** The stable marker of a throttled sign-in: the message's {@code data-code}, header {@code X-Refusal-Code}. */
    public static final String CODE = "LOGIN_THROTTLED";

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogin.class);

    private final LoginThrottle throttle;
    private final DemoUsers users;
    private final RequestMatcher loginPost =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
    private final AuthenticationFailureHandler failures = new SimpleUrlAuthenticationFailureHandler("/login?error");
    private final AuthenticationSuccessHandler successes = new SavedRequestAwareAuthenticationSuccessHandler();

    public ThrottledLogin(LoginThrottle throttle, DemoUsers users) {
        this.throttle = throttle;
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !loginPost.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LoginThrottle.Lock> lock = throttle.locked(username(request), request.getRemoteAddr());
        if (lock.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        log.debug("sign-in refused unchecked: {} locked", lock.get().kind());
        long minutes = Math.max(1, lock.get().remaining().plusSeconds(59).toMinutes());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(
                "Retry-After", Long.toString(Math.max(1, lock.get().remaining().toSeconds())));
        response.setHeader("X-Refusal-Code", CODE);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = "<p class=\"bad\" id=\"throttled\" data-code=\"" + CODE + "\">登录失败次数过多，请 " + minutes
                + " 分钟后再试 · Too many failed sign-ins: try again in " + minutes + " min</p>";
        response.getWriter()
                .write(LoginPage.render((CsrfToken) request.getAttribute(CsrfToken.class.getName()), message));
    }

    /** Counts the failure, then back to the form with the usual error. */
    public AuthenticationFailureHandler onFailure() {
        return (request, response, exception) -> {
            String username = username(request);
            Set<LoginThrottle.Kind> locked = throttle.failed(username, request.getRemoteAddr());
            if (locked.contains(LoginThrottle.Kind.USER)) {
                String name = username.strip().toLowerCase(Locale.ROOT);
                log.warn(
                        "sign-in locked for user {} after too many failures",
                        users.find(name).isPresent() ? name : "(not a user)");
            }
            if (locked.contains(LoginThrottle.Kind.ADDRESS)) {
                log.warn("sign-in locked for address {} after too many failures", request.getRemoteAddr());
            }
            failures.onAuthenticationFailure(request, response, exception);
        };
    }

    /** Forgets the user's failures, then on to where the sign-in was asked for (or the signed-in page). */
    public AuthenticationSuccessHandler onSuccess() {
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName());
            successes.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The form's user name, as UsernamePasswordAuthenticationFilter reads it. */
    private static String username(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? "" : username;
    }
}

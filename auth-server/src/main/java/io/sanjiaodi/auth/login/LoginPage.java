package io.sanjiaodi.auth.login;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in form, in Chinese with the English beside it (the dashboard's users read Chinese;
 * visitors may not). Spring Security's form login handles the POST; this only renders the page,
 * without a template engine for one small form.
 */
@RestController
class LoginPage {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String page(
            CsrfToken csrf,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        String message = error != null
                ? "<p class=\"bad\" id=\"error\">用户名或密码错误 · Wrong user name or password</p>"
                : logout != null ? "<p class=\"ok\" id=\"signed-out\">已退出登录 · Signed out</p>" : "";
        return render(csrf, message);
    }

    /** The form with a message (trusted HTML) above it; also the answer to a throttled sign-in ({@link ThrottledLogin}). */
    static String render(CsrfToken csrf, String message) {
        String csrfField = csrf == null
                ? ""
                : "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
                        .formatted(htmlEscape(csrf.getParameterName()), htmlEscape(csrf.getToken()));
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 · 三交底廉政谈话监督平台</title>
                <link rel="stylesheet" href="/login.css">
                </head>
                <body>
                <form class="login" method="post" action="/login">
                  <h1>三交底廉政谈话监督平台</h1>
                  <p class="muted">统一身份认证 · Sign in</p>
                  %s
                  <label for="username">用户名 <span class="muted">User name</span></label>
                  <input id="username" name="username" autocomplete="username" autofocus required>
                  <label for="password">密码 <span class="muted">Password</span></label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  %s
                  <button id="sign-in" type="submit">登录 · Sign in</button>
                </form>
                </body>
                </html>
                """.formatted(message, csrfField);
    }
}

package io.sanjiaodi.auth.login;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.sanjiaodi.auth.AuthServerProperties;
import io.sanjiaodi.auth.user.DemoUsers;
import io.sanjiaodi.contracts.security.DemoUser;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where somebody lands who opened the login form by hand rather than coming from the dashboard:
 * who they are signed in as, and the way to the dashboard (instead of an error page).
 */
@RestController
class SignedInPage {

    private final DemoUsers users;
    private final AuthServerProperties properties;

    SignedInPage(DemoUsers users, AuthServerProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page(Principal principal) {
        String name = users.find(principal.getName()).map(DemoUser::name).orElse(principal.getName());
        String dashboard = properties.auth().dashboard().postLogoutRedirectUris().stream()
                .findFirst()
                .orElse("/");
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>已登录 · Signed in</title><link rel="stylesheet" href="/login.css"></head>
                <body>
                <div class="login">
                  <h1>三交底廉政谈话监督平台</h1>
                  <p id="signed-in">已登录：%s · Signed in as %s</p>
                  <a href="%s">打开监督平台 · Open the dashboard</a>
                </div>
                </body>
                </html>
                """.formatted(htmlEscape(name), htmlEscape(principal.getName()), htmlEscape(dashboard));
    }
}

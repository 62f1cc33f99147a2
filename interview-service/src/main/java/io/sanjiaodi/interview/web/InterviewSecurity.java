package io.sanjiaodi.interview.web;

import static io.sanjiaodi.platform.security.Role.*;

import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.platform.security.AccessRule;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call which endpoint of interview-service (the root README's table), and the scope check
 * of every request on one interview: the interview's unit and jurisdiction must be within the
 * actor's (403 OUT_OF_SCOPE otherwise). An interview not yet in the query model is checked by the
 * aggregate itself, which checks every command's actor against its own unit and jurisdiction.
 */
@Component
class InterviewSecurity implements AccessRule.Policy, WebMvcConfigurer {

    /** Whoever may read interviews at all; the scope check below narrows it to their units. */
    private static final Role[] READERS = {
        LEADERSHIP, SUPERVISION_OFFICE, SUPERVISING_BODY, UNIT_LEADER, UNIT_STAFF, AUDITOR
    };

    private final InterviewQueries queries;

    InterviewSecurity(InterviewQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.of("GET", "/api/interviews", READERS),
                AccessRule.of("POST", "/api/interviews", LEADERSHIP, SUPERVISION_OFFICE),
                AccessRule.of("GET", "/api/interviews/*", READERS),
                // the lists as a spreadsheet: never with sources, so for whoever may read the interview
                AccessRule.of("GET", "/api/interviews/*/lists/export", READERS),
                // the printed record, commitment and lists: sources only in the entitled readers' lists
                AccessRule.of("GET", "/api/interviews/*/documents/*", READERS),
                // how the lists were prepared, confidential sources included: the commission only
                AccessRule.of("GET", "/api/interviews/*/history", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR),
                // destroying an interview's sources is an administrator's act (before the rule below)
                AccessRule.of("POST", "/api/interviews/*/confidential-sources/erasure", ADMIN),
                AccessRule.of("POST", "/api/interviews/*/**", LEADERSHIP, SUPERVISION_OFFICE),
                AccessRule.of("PUT", "/api/interviews/*/**", LEADERSHIP, SUPERVISION_OFFICE),
                AccessRule.of("DELETE", "/api/interviews/*/**", LEADERSHIP, SUPERVISION_OFFICE),
                AccessRule.of("GET", "/api/templates", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR, ADMIN),
                AccessRule.of("GET", "/api/templates/*", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR, ADMIN),
                AccessRule.of("POST", "/api/templates", ADMIN),
                AccessRule.of("POST", "/api/templates/**", ADMIN),
                AccessRule.of("DELETE", "/api/templates/**", ADMIN),
                AccessRule.of("GET", "/api/people", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR, ADMIN),
                AccessRule.of("GET", "/api/people/*", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR, ADMIN),
                AccessRule.of("PUT", "/api/people/*", ADMIN),
                AccessRule.of("GET", "/api/units", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR, ADMIN),
                AccessRule.of("GET", "/api/units/*", LEADERSHIP, SUPERVISION_OFFICE, AUDITOR, ADMIN),
                AccessRule.of("PUT", "/api/units/*", ADMIN));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                                        instanceof Map<?, ?> vars
                                && vars.get("interviewId") instanceof String interviewId) {
                            Actors.current()
                                    .ifPresent(actor -> queries.lookup(interviewId)
                                            .ifPresent(view -> Actors.requireScope(
                                                    actor.mayAccessUnit(view.unitId, view.jurisdictionId),
                                                    "interview " + interviewId)));
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/interviews/**");
    }
}

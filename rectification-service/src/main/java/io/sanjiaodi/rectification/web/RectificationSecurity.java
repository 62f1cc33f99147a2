package io.sanjiaodi.rectification.web;

import static io.sanjiaodi.platform.security.Role.*;

import io.sanjiaodi.platform.security.AccessRule;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.platform.security.Role;
import io.sanjiaodi.rectification.command.rectification.Permissions.Action;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call which endpoint of rectification-service (the root README's table). The write rules
 * are derived from the ledger's own {@code Permissions} through the role mapping of {@link LedgerRoles},
 * so the domain stays the one place that says who may do what. Scope: a unit user acts on its own
 * unit's ledger; a subordinate unit reads the tasks cascaded to it and completes its own sub-tasks;
 * a supervising body acts on the units it supervises; commission roles within their jurisdiction.
 */
@Component
class RectificationSecurity implements AccessRule.Policy, WebMvcConfigurer {

    static final Role[] READERS = {LEADERSHIP, SUPERVISION_OFFICE, SUPERVISING_BODY, UNIT_LEADER, UNIT_STAFF, AUDITOR};
    private static final String TASK = "/api/ledgers/*/tasks/*";
    private final LedgerQueries queries;

    RectificationSecurity(LedgerQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.of("GET", "/api/ledgers", READERS),
                AccessRule.of("GET", "/api/ledgers/*", READERS),
                AccessRule.of("GET", "/api/ledgers/*/warnings", READERS),
                AccessRule.of("GET", "/api/ledgers/*/reconciliation", READERS),
                AccessRule.of("GET", "/api/ledgers/*/evidence/*", READERS),
                // the printed ledger, stage evaluation report and written-report slip
                AccessRule.of("GET", "/api/ledgers/*/documents/*", READERS),
                AccessRule.of("GET", "/api/tasks/warnings", READERS),
                AccessRule.of("GET", "/api/tasks/overdue", READERS),
                AccessRule.of("GET", "/api/written-reports/late", READERS),
                rule("POST", TASK + "/plan", Action.PLAN),
                rule("PUT", TASK + "/plan", Action.PLAN),
                rule("POST", TASK + "/extensions", Action.REQUEST_EXTENSION),
                rule("POST", TASK + "/extensions/approval", Action.DECIDE_EXTENSION),
                rule("POST", TASK + "/extensions/rejection", Action.DECIDE_EXTENSION),
                rule("POST", TASK + "/cascade", Action.CASCADE),
                rule("POST", TASK + "/sub-tasks/*/completion", Action.COMPLETE_SUB_TASK),
                rule("POST", TASK + "/progress", Action.REPORT_PROGRESS),
                rule("POST", TASK + "/evidence", Action.REPORT_PROGRESS),
                // a unit's attempt to cross off its own item reaches the ledger, which records it
                // (TaskClosureRefused) and answers 403: the attempt is part of the business record
                AccessRule.of("POST", TASK + "/verification", with(roles(Action.VERIFY), UNIT_LEADER, UNIT_STAFF)),
                rule("POST", TASK + "/verification-failures", Action.VERIFY),
                rule("POST", "/api/ledgers/*/regulations", Action.RECORD_REGULATION),
                rule("POST", "/api/ledgers/*/written-report", Action.FILE_WRITTEN_REPORT),
                rule("POST", "/api/ledgers/*/tracking-evaluation", Action.FILE_TRACKING_EVALUATION),
                rule("POST", "/api/ledgers/*/stage-evaluations", Action.EVALUATE),
                rule("POST", "/api/ledgers/*/accountability-cases", Action.ACCOUNTABILITY),
                rule("POST", "/api/ledgers/*/accountability-cases/*/conclusion", Action.ACCOUNTABILITY),
                rule("POST", "/api/deadline-sweeps", Action.SWEEP));
    }

    private static AccessRule rule(String method, String pattern, Action action) {
        return AccessRule.of(method, pattern, roles(action));
    }

    /** The token roles whose ledger role {@code action} allows. */
    static Role[] roles(Action action) {
        return Arrays.stream(Role.values())
                .filter(r -> {
                    try {
                        return action.allows(LedgerRoles.of(new Actor("-", "-", r, null, null, null)));
                    } catch (RuntimeException noLedgerRole) {
                        return false;
                    }
                })
                .toArray(Role[]::new);
    }

    private static Role[] with(Role[] roles, Role... more) {
        List<Role> all = new ArrayList<>(Arrays.asList(roles));
        all.addAll(Arrays.asList(more));
        return all.toArray(Role[]::new);
    }

    /** Whether {@code actor} may see {@code ledger} at all (lists are filtered with this). */
    static boolean visible(Actor actor, LedgerView ledger) {
        return actor.mayAccessUnit(ledger.unitId, ledger.jurisdictionId)
                || (actor.role() != null && actor.role().isUnitRole() && ledger.cascadedTo(actor.unitId()));
    }

    /** A subordinate unit's view of its parent's ledger is cut down to what was cascaded to it. */
    static LedgerView forReader(Actor actor, LedgerView ledger) {
        return actor.mayAccessUnit(ledger.unitId, ledger.jurisdictionId)
                ? ledger
                : ledger.onlyCascadedTo(actor.unitId());
    }

    static <T> Predicate<T> visibleRows(Actor actor, Function<T, String> unit, Function<T, String> jurisdiction) {
        return row -> actor.mayAccessUnit(unit.apply(row), jurisdiction.apply(row));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                                        instanceof Map<?, ?> vars
                                && vars.get("ledgerId") instanceof String ledgerId) {
                            Actors.current()
                                    .ifPresent(actor -> queries.lookup(ledgerId)
                                            .ifPresent(ledger -> check(actor, ledger, request, vars.get("subTaskId"))));
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/ledgers/**");
    }

    private static void check(Actor actor, LedgerView ledger, HttpServletRequest request, Object subTaskId) {
        if (actor.mayAccessUnit(ledger.unitId, ledger.jurisdictionId)) {
            return;
        }
        // a subordinate unit: reads what was cascaded to it, completes only its own sub-tasks
        boolean subordinate = actor.role() != null && actor.role().isUnitRole() && ledger.cascadedTo(actor.unitId());
        boolean read =
                "GET".equals(request.getMethod()) && request.getRequestURI().equals("/api/ledgers/" + ledger.ledgerId);
        boolean ownSubTask = subTaskId instanceof String id
                && ledger.tasks.stream()
                        .flatMap(t -> t.subTasks.stream())
                        .anyMatch(s -> id.equals(s.subTaskId) && actor.unitId().equals(s.ownerUnitId));
        Actors.requireScope(subordinate && (read || ownSubTask), "ledger " + ledger.ledgerId);
    }
}

package io.sanjiaodi.devstack;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo users of the security contract (the auth server signs in the same users), and the unit
 * users the demo loader acts as for units that have no demo user of their own.
 */
public final class DemoUsers {

    /** A user as the token describes it. */
    public record User(String id, String name, String role, String jurisdictionId, String unitId,
                       List<String> supervisedUnitIds) {
    }

    /** Makes the bearer token of a user: {@link DevTokens} on a local run, the test key in the tests. */
    public interface Signer extends Function<User, String> {
    }

    public static final List<String> STATIONED_UNITS =
            List.of("nb-transport", "nb-road-transport", "nb-passenger-transport", "nb-port-shipping");

    public static final Map<String, User> CONTRACT = Map.of(
            "leader", new User("leader", "陈明", "LEADERSHIP", "ningbo", null, List.of()),
            "office", new User("office", "周静", "SUPERVISION_OFFICE", "ningbo", null, List.of()),
            "office-fenghua", new User("office-fenghua", "奉化区纪委监委干部", "SUPERVISION_OFFICE", "fenghua", null, List.of()),
            "stationed", new User("stationed", "吴刚", "SUPERVISING_BODY", "ningbo", null, STATIONED_UNITS),
            "unit-leader", new User("unit-leader", "张某", "UNIT_LEADER", "ningbo", "nb-transport", List.of()),
            "unit-staff", new User("unit-staff", "市交通局干部", "UNIT_STAFF", "ningbo", "nb-transport", List.of()),
            "subunit-staff", new User("subunit-staff", "市客运管理局干部", "UNIT_STAFF", "ningbo", "nb-passenger-transport", List.of()),
            "auditor", new User("auditor", "审计员", "AUDITOR", "ningbo", null, List.of()),
            "admin", new User("admin", "系统管理员", "ADMIN", "ningbo", null, List.of()));

    private DemoUsers() {
    }

    public static User user(String id) {
        User user = CONTRACT.get(id);
        if (user == null) {
            throw new IllegalArgumentException("no demo user " + id);
        }
        return user;
    }

    /** The unit leader who acts for {@code unitId}: the contract's for the transport bureau, else one of its own. */
    public static User unitLeader(String unitId, String jurisdictionId) {
        return "nb-transport".equals(unitId) ? user("unit-leader")
                : new User("leader-of-" + unitId, unitId + " 单位负责人", "UNIT_LEADER", jurisdictionId, unitId, List.of());
    }

    /** The supervising body of {@code unitId}: the stationed group for the transport units, else a township committee. */
    public static User supervisingBody(String unitId, String jurisdictionId) {
        return STATIONED_UNITS.contains(unitId) ? user("stationed")
                : new User("supervisor-of-" + unitId, unitId + " 监督单位", "SUPERVISING_BODY", jurisdictionId, null,
                List.of(unitId));
    }
}

package io.sanjiaodi.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.contracts.security.DemoUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo users of the security contract (the auth server signs in the same users), and the unit
 * users the demo loader acts as for units that have no demo user of their own.
 */
public final class DemoUsers {

    /** A user as the token describes it. */
    public record User(
            String id,
            String name,
            String role,
            String jurisdictionId,
            String unitId,
            List<String> supervisedUnitIds) {}

    /** Makes the bearer token of a user: {@link DevTokens} on a local run, the test key in the tests. */
    public interface Signer extends Function<User, String> {}

    /** The contract's demo users by id, read from {@link DemoUser#TABLE} (the auth server signs in the same table). */
    public static final Map<String, User> CONTRACT = read();

    /** The units the stationed group supervises, as the table gives them. */
    public static final List<String> STATIONED_UNITS = CONTRACT.get("stationed").supervisedUnitIds();

    private DemoUsers() {}

    private static Map<String, User> read() {
        try (InputStream in = DemoUser.class.getResourceAsStream(DemoUser.TABLE)) {
            if (in == null) {
                throw new IllegalStateException(DemoUser.TABLE + " is missing from the classpath");
            }
            Map<String, User> users = new LinkedHashMap<>();
            for (DemoUser u : new ObjectMapper().readValue(in, DemoUser[].class)) {
                users.put(
                        u.username(),
                        new User(
                                u.username(),
                                u.name(),
                                u.roles().get(0),
                                u.jurisdictionId(),
                                u.unitId(),
                                u.supervisedUnitIds()));
            }
            return Collections.unmodifiableMap(users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return "nb-transport".equals(unitId)
                ? user("unit-leader")
                : new User("leader-of-" + unitId, unitId + " 单位负责人", "UNIT_LEADER", jurisdictionId, unitId, List.of());
    }

    /** The supervising body of {@code unitId}: the stationed group for the transport units, else a township committee. */
    public static User supervisingBody(String unitId, String jurisdictionId) {
        return STATIONED_UNITS.contains(unitId)
                ? user("stationed")
                : new User(
                        "supervisor-of-" + unitId,
                        unitId + " 监督单位",
                        "SUPERVISING_BODY",
                        jurisdictionId,
                        null,
                        List.of(unitId));
    }
}

package io.sanjiaodi.auth.user;

import io.sanjiaodi.contracts.security.DemoUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The demo users of the contract's {@link DemoUser#TABLE} (claims only; passwords are never in the repository). */
public final class DemoUsers {

    private final Map<String, DemoUser> byName = new LinkedHashMap<>();

    public DemoUsers(List<DemoUser> users) {
        users.forEach(u -> byName.put(u.username(), u));
    }

    public static DemoUsers fromClasspath() {
        try (InputStream in = DemoUser.class.getResourceAsStream(DemoUser.TABLE)) {
            if (in == null) {
                throw new IllegalStateException(DemoUser.TABLE + " is missing from the classpath");
            }
            return new DemoUsers(new JsonMapper().readValue(in, new TypeReference<List<DemoUser>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<DemoUser> all() {
        return List.copyOf(byName.values());
    }

    public Optional<DemoUser> find(String username) {
        return Optional.ofNullable(byName.get(username));
    }
}

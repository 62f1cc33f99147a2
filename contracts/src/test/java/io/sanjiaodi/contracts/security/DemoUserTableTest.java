package io.sanjiaodi.contracts.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo users' table is what the README promises people who sign in: same users, roles,
 * jurisdictions, units and names, in the same order.
 */
class DemoUserTableTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `([a-z-]+)` \\| ([A-Z_]+)[^|]*\\| ([a-z]+) \\| ([^|]*)\\| ([^|]+) \\|$", Pattern.MULTILINE);
    private static final Pattern UNIT = Pattern.compile("unit ([a-z-]+)");
    private static final Pattern SUPERVISED = Pattern.compile("supervises (.+)");

    @Test
    void theTableInTheContractsIsTheReadmesDemoUserTable() throws IOException {
        List<DemoUser> readme = new ArrayList<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("..", "README.md")));
        while (row.find()) {
            String scope = row.group(4).trim();
            Matcher unit = UNIT.matcher(scope);
            Matcher supervised = SUPERVISED.matcher(scope);
            readme.add(new DemoUser(
                    row.group(1),
                    row.group(5).trim(),
                    List.of(row.group(2)),
                    row.group(3),
                    unit.lookingAt() ? unit.group(1) : null,
                    supervised.matches() ? Arrays.asList(supervised.group(1).split(", ")) : List.of()));
        }
        assertThat(readme).hasSize(9).isEqualTo(table());
    }

    @Test
    void everyUserHasExactlyOneRoleAndOnlyTheRolesThatNeedThemHaveUnits() throws IOException {
        assertThat(table()).allSatisfy(u -> {
            assertThat(u.roles()).hasSize(1);
            assertThat(u.unitId() != null).isEqualTo(u.roles().get(0).startsWith("UNIT_"));
            assertThat(u.supervisedUnitIds().isEmpty())
                    .isEqualTo(!u.roles().get(0).equals("SUPERVISING_BODY"));
        });
    }

    private static List<DemoUser> table() throws IOException {
        try (InputStream in = DemoUser.class.getResourceAsStream(DemoUser.TABLE)) {
            return List.of(new ObjectMapper().readValue(in, DemoUser[].class));
        }
    }
}

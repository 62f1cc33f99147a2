package io.sanjiaodi.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.security.DemoUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPasswordsTest {

    @TempDir
    Path data;

    @Test
    void passwordsAreGeneratedOnceIntoAnOwnerOnlyFileAndReadBackOnTheNextStart() throws Exception {
        Path file = data.resolve("auth/demo-users.txt");
        DemoUsers users = DemoUsers.fromClasspath();

        Map<String, String> first = DemoPasswords.loadOrCreate(file, users);
        Map<String, String> second = DemoPasswords.loadOrCreate(file, users);

        assertThat(first.keySet())
                .containsExactlyElementsOf(
                        users.all().stream().map(DemoUser::username).toList());
        assertThat(first.values()).allMatch(p -> p.length() == 14).doesNotHaveDuplicates();
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("office", first.get("office"), "SUPERVISION_OFFICE", "周静");
    }

    @Test
    void aUserAddedLaterGetsAPasswordAndTheOthersKeepTheirs() {
        Path file = data.resolve("auth/demo-users.txt");
        DemoUser office = DemoUsers.fromClasspath().find("office").orElseThrow();
        DemoUser newcomer = new DemoUser("newcomer", "新人", List.of("AUDITOR"), "ningbo", null, null);

        String officePassword =
                DemoPasswords.loadOrCreate(file, new DemoUsers(List.of(office))).get("office");
        Map<String, String> after = DemoPasswords.loadOrCreate(file, new DemoUsers(List.of(office, newcomer)));

        assertThat(after).containsEntry("office", officePassword).containsKey("newcomer");
    }
}

package io.sanjiaodi.auth.user;

import io.sanjiaodi.auth.key.PrivateFiles;
import io.sanjiaodi.contracts.security.DemoUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo users' passwords: generated on first start into {@code <data>/auth/demo-users.txt}
 * (one line per user: name, password, role, display name; mode 600) and read from there on every
 * later start, so a person finds them in one place and they survive restarts. A user added to
 * demo-users.json later gets a password appended.
 */
public final class DemoPasswords {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoPasswords() {}

    /** Every user gets the same fixed password (tests); nothing is written. */
    public static Map<String, String> fixed(DemoUsers users, String password) {
        Map<String, String> passwords = new LinkedHashMap<>();
        users.all().forEach(u -> passwords.put(u.username(), password));
        return passwords;
    }

    public static Map<String, String> loadOrCreate(Path file, DemoUsers users) {
        try {
            Map<String, String> passwords = Files.exists(file) ? read(file) : new LinkedHashMap<>();
            boolean added = false;
            for (DemoUser user : users.all()) {
                if (!passwords.containsKey(user.username())) {
                    passwords.put(user.username(), generate());
                    added = true;
                }
            }
            if (added) {
                write(file, users, passwords);
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length >= 2) {
                passwords.put(fields[0], fields[1]);
            }
        }
        return passwords;
    }

    private static void write(Path file, DemoUsers users, Map<String, String> passwords) throws IOException {
        StringBuilder text =
                new StringBuilder("# Demo users of the auth-server (generated on first start; delete to regenerate)\n"
                        + "# user  password  role  name\n");
        passwords.forEach((name, password) -> {
            var user = users.find(name);
            text.append(String.format(
                    "%-15s %s  %s  %s%n",
                    name,
                    password,
                    user.map(u -> String.join(",", u.roles())).orElse("-"),
                    user.map(DemoUser::name).orElse("-")));
        });
        PrivateFiles.write(file, text.toString());
    }

    static String generate() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

package io.sanjiaodi.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Failed sign-ins counted per user name and per client address, in memory and bounded. A key's
 * failures count within a window that starts at its first failure; the failure that reaches the
 * limit locks the key for one whole window from then (a fixed back-off: predictable for the user,
 * "try again in 15 minutes", and it caps guessing at the limit per window, e.g. 5 passwords per user
 * per 15 minutes, whatever the number of addresses, and 20 per address whatever the number of users).
 * A success forgets the user's failures, not the address's: otherwise one valid account would let an
 * address reset its own count between guesses at others.
 *
 * <p>Each of the two tables holds at most {@code maxTracked} keys: a full table first drops the keys
 * whose window and lock have passed, then the oldest that is only counting, and only when every key
 * is locked the oldest lock. So a flood of invented user names costs memory only up to the cap and
 * does not free a locked user (and the flood's own address is locked after its limit).
 */
public final class LoginThrottle {

    /** Which limit an attempt ran into. */
    public enum Kind {
        USER,
        ADDRESS
    }

    /**
     * @param maxFailuresPerUser    failures of one user name within a window that lock it
     * @param maxFailuresPerAddress failures from one client address within a window that lock it
     * @param window                how long failures count, and how long a lock lasts
     * @param maxTracked            keys kept per table (user names, addresses)
     */
    public record Settings(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, int maxTracked) {
        public Settings {
            if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1 || maxTracked < 1) {
                throw new IllegalArgumentException("login limits must be at least 1");
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the login window must be positive");
            }
        }
    }

    /** A refusal: which limit, and how long until the lock passes. */
    public record Lock(Kind kind, Duration remaining) {}

    private final Settings settings;
    private final Clock clock;
    private final Table users;
    private final Table addresses;

    public LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.users = new Table(settings.maxFailuresPerUser());
        this.addresses = new Table(settings.maxFailuresPerAddress());
    }

    /** The lock, if the user name or the address is locked now: the attempt must not reach the password check. */
    public Optional<Lock> locked(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> user = users.remaining(userKey(username), now);
        if (user.isPresent()) {
            return Optional.of(new Lock(Kind.USER, user.get()));
        }
        return addresses.remaining(addressKey(address), now).map(left -> new Lock(Kind.ADDRESS, left));
    }

    /** Counts a failed attempt; answers which of the two keys it has just locked (for the log). */
    public Set<Kind> failed(String username, String address) {
        Instant now = clock.instant();
        Set<Kind> locked = EnumSet.noneOf(Kind.class);
        if (users.fail(userKey(username), now)) {
            locked.add(Kind.USER);
        }
        if (addresses.fail(addressKey(address), now)) {
            locked.add(Kind.ADDRESS);
        }
        return locked;
    }

    /** A success forgets the user's failures (the address keeps its own). */
    public void succeeded(String username) {
        users.forget(userKey(username));
    }

    /** Keys tracked now, both tables (for tests and the overflow log). */
    public int tracked() {
        return users.size() + addresses.size();
    }

    /** The user details service ignores case ("OFFICE" signs in as office), so the count does too. */
    private static String userKey(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null ? "" : address;
    }

    private record Entry(Instant windowStart, int failures, Instant lockedUntil) {}

    private final class Table {

        private final int limit;
        // insertion order: a key re-inserted when its window restarts, so the eldest is the oldest window
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        Table(int limit) {
            this.limit = limit;
        }

        synchronized Optional<Duration> remaining(String key, Instant now) {
            Entry entry = entries.get(key);
            if (entry == null || entry.lockedUntil() == null) {
                return Optional.empty();
            }
            if (!now.isBefore(entry.lockedUntil())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, entry.lockedUntil()));
        }

        /** True when this failure locks the key. */
        synchronized boolean fail(String key, Instant now) {
            Entry entry = entries.get(key);
            if (entry != null && entry.lockedUntil() != null && now.isBefore(entry.lockedUntil())) {
                return false;
            }
            if (entry == null || expired(entry, now)) {
                entries.remove(key);
                makeRoom(now);
                entry = new Entry(now, 0, null);
            }
            int failures = entry.failures() + 1;
            boolean locks = failures >= limit;
            entries.put(key, new Entry(entry.windowStart(), failures, locks ? now.plus(settings.window()) : null));
            return locks;
        }

        synchronized void forget(String key) {
            entries.remove(key);
        }

        synchronized int size() {
            return entries.size();
        }

        private boolean expired(Entry entry, Instant now) {
            Instant end = entry.windowStart().plus(settings.window());
            if (entry.lockedUntil() != null && entry.lockedUntil().isAfter(end)) {
                end = entry.lockedUntil();
            }
            return !now.isBefore(end);
        }

        private void makeRoom(Instant now) {
            if (entries.size() < settings.maxTracked()) {
                return;
            }
            entries.values().removeIf(e -> expired(e, now));
            // counts before locks: a flood of one-failure names must not free a locked user
            Iterator<Entry> eldest = entries.values().iterator();
            while (entries.size() >= settings.maxTracked() && eldest.hasNext()) {
                if (eldest.next().lockedUntil() == null) {
                    eldest.remove();
                }
            }
            eldest = entries.values().iterator();
            while (entries.size() >= settings.maxTracked() && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
    }
}

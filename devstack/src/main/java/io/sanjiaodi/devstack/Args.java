package io.sanjiaodi.devstack;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs from the command line. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i], args[i + 1]);
        }
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int intValue(String name, int fallback) {
        return Integer.parseInt(value(name, Integer.toString(fallback)));
    }
}

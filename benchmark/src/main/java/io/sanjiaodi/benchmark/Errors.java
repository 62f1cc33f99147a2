package io.sanjiaodi.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The first few failures of a run, printed with the report so that a bad figure has its cause next to it. */
final class Errors {

    private static final List<String> FIRST = Collections.synchronizedList(new ArrayList<>());

    private Errors() {}

    static void note(String error) {
        if (FIRST.size() < 10) {
            FIRST.add(error.length() > 300 ? error.substring(0, 300) + " …" : error);
        }
    }

    static List<String> first() {
        synchronized (FIRST) {
            return List.copyOf(FIRST);
        }
    }
}

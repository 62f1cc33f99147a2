package io.sanjiaodi.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, so that a figure taken while something else ran says so. */
final class LoadAverage {

    private LoadAverage() {}

    static String read() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception notLinux) {
            return "n/a";
        }
    }
}

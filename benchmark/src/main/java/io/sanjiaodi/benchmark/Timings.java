package io.sanjiaodi.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/** Command latencies per service, shared by all virtual users of a run. */
final class Timings {
    final Latencies interview = new Latencies();
    final Latencies rectification = new Latencies();
    final AtomicLong tasksVerified = new AtomicLong();
}

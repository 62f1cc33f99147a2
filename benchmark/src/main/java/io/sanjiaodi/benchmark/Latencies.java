package io.sanjiaodi.benchmark;

import java.util.Arrays;

/**
 * Latency samples of one kind (nanoseconds), recorded by many threads. Every sample is kept, not
 * a histogram: a run records at most a few million, and exact percentiles need no bucketing choice.
 */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;
    private long errors;

    synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized void error() {
        errors++;
    }

    synchronized Summary summary() {
        return summarize(Arrays.copyOf(samples, count), errors);
    }

    /** The samples of several kinds taken together (e.g. every command of the system). */
    static Summary combined(Latencies... all) {
        long[] merged = new long[0];
        long errors = 0;
        for (Latencies one : all) {
            synchronized (one) {
                int from = merged.length;
                merged = Arrays.copyOf(merged, from + one.count);
                System.arraycopy(one.samples, 0, merged, from, one.count);
                errors += one.errors;
            }
        }
        return summarize(merged, errors);
    }

    private static Summary summarize(long[] sorted, long errors) {
        Arrays.sort(sorted);
        int count = sorted.length;
        return new Summary(
                count,
                errors,
                at(sorted, 0.50),
                at(sorted, 0.95),
                at(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Milliseconds. */
    record Summary(long count, long errors, double p50, double p95, double p99, double max) {}
}

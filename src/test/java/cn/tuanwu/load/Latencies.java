package cn.tuanwu.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Durations of one kind of call, recorded from many threads; percentiles by the nearest rank. */
final class Latencies {

    private final String name;
    private long[] nanos = new long[1024];
    private int count;

    Latencies(String name) {
        this.name = name;
    }

    synchronized void record(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The recorded durations as a summary; {@code overNanos} is the time they were recorded in, for the rate (0: none). */
    synchronized Summary summary(long overNanos) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(name, count, millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
                millis(count == 0 ? 0 : sorted[count - 1]), overNanos <= 0 ? 0 : count * 1e9 / overNanos);
    }

    /** The smallest recorded value with at least {@code p} percent of the values at or below it. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    record Summary(String name, int count, long p50, long p99, long max, double perSecond) {

        String line() {
            return String.format(Locale.ROOT, "%s: n=%d p50=%d ms p99=%d ms max=%d ms%s", name, count, p50, p99, max,
                    perSecond > 0 ? String.format(Locale.ROOT, " (%.1f/s)", perSecond) : "");
        }

        String tableRow() {
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %s |", name, count, p50, p99, max,
                    perSecond > 0 ? String.format(Locale.ROOT, "%.1f", perSecond) : "");
        }
    }
}

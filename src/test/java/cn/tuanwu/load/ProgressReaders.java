package cn.tuanwu.load;

import cn.tuanwu.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * City supervisors reading {@code GET /api/campaigns/{year}/progress} in a loop, each on its own thread,
 * back to back, until told to stop. A read counts as failed unless it answers 200 with every
 * supervised organisation's row.
 */
final class ProgressReaders {

    private final Api api;
    private final Api.Login supervisor;
    private final String path;
    private final int expectedRows;
    private final Latencies latencies = new Latencies("GET /api/campaigns/{year}/progress");
    private final Failures failures;
    private final List<Thread> threads = new ArrayList<>();

    ProgressReaders(Api api, Api.Login supervisor, int year, int expectedRows, Failures failures) {
        this.api = api;
        this.supervisor = supervisor;
        this.path = "/api/campaigns/" + year + "/progress";
        this.expectedRows = expectedRows;
        this.failures = failures;
    }

    void start(int readers, BooleanSupplier keepGoing) {
        for (int i = 0; i < readers; i++) {
            Thread thread = new Thread(() -> read(keepGoing), "progress-reader-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void read(BooleanSupplier keepGoing) {
        while (keepGoing.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            try {
                Api.Response response = api.get(path, supervisor);
                latencies.record(System.nanoTime() - started);
                if (response.status() != 200) {
                    failures.add("progress: HTTP " + response.status() + " " + abbreviate(response.body()));
                } else if (response.json().size() != expectedRows) {
                    failures.add("progress: " + response.json().size() + " rows instead of " + expectedRows);
                }
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                latencies.record(System.nanoTime() - started);
                failures.add("progress: " + e);
            }
        }
    }

    /** Waits for every reader to finish its last read; false when one still hangs after {@code timeoutMillis}. */
    boolean awaitStopped(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            thread.join(Math.max(1, left));
            if (thread.isAlive()) {
                threads.forEach(Thread::interrupt);
                return false;
            }
        }
        return true;
    }

    Latencies latencies() {
        return latencies;
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? String.valueOf(text) : text.substring(0, 300) + "…";
    }
}

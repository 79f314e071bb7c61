package cn.tuanwu.report;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Lets concurrent callers asking for the same key share one computation, without ever answering
 * with a result older than the call: a caller that arrives while a computation runs waits for the
 * next one, which starts when the running one ends and serves everybody who arrived in between. So at
 * most one computation per key runs at a time, and each caller gets one that started after it asked
 * (as if it had computed alone). Nothing is kept once a computation's callers have their result.
 *
 * <p>Made for the campaign's progress report: two hundred supervisors refreshing it at once cost two
 * computations at a time instead of two hundred queued for database connections.
 */
final class Coalescer<K, V> {

    /** Per key: the computation running, and the one queued behind it that new callers join. */
    private static final class Lane<V> {
        CompletableFuture<V> running;
        CompletableFuture<V> next;
    }

    private final Map<K, Lane<V>> lanes = new HashMap<>();

    V get(K key, Supplier<V> computation) {
        CompletableFuture<V> mine;
        CompletableFuture<V> before = null;
        boolean lead = false;
        synchronized (lanes) {
            Lane<V> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
            if (lane.next != null) {
                mine = lane.next;
            } else if (lane.running == null) {
                mine = new CompletableFuture<>();
                lane.running = mine;
                lead = true;
            } else {
                mine = new CompletableFuture<>();
                lane.next = mine;
                before = lane.running;
                lead = true;
            }
        }
        if (lead) {
            if (before != null) {
                awaitIgnoringOutcome(before);
                synchronized (lanes) {
                    Lane<V> lane = lanes.get(key);
                    lane.running = mine;
                    lane.next = null;
                }
            }
            compute(key, mine, computation);
        }
        return result(mine);
    }

    /**
     * Runs the computation, leaves the lane, then completes: completing first would wake the caller queued
     * behind it, whose computation could run and leave the lane before this one had left it.
     */
    private void compute(K key, CompletableFuture<V> mine, Supplier<V> computation) {
        V value = null;
        Throwable failure = null;
        try {
            value = computation.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            synchronized (lanes) {
                Lane<V> lane = lanes.get(key);
                if (lane.running == mine) {
                    lane.running = null;
                    if (lane.next == null) {
                        lanes.remove(key);
                    }
                }
            }
        }
        if (failure == null) {
            mine.complete(value);
        } else {
            mine.completeExceptionally(failure);
        }
    }

    /** Keys with a computation running or queued; for tests. */
    int busyKeys() {
        synchronized (lanes) {
            return lanes.size();
        }
    }

    private static void awaitIgnoringOutcome(CompletableFuture<?> future) {
        boolean interrupted = false;
        while (true) {
            try {
                future.get();
                break;
            } catch (ExecutionException | CompletionException failedThere) {
                break;
            } catch (InterruptedException e) {
                // The callers that joined this computation wait for it: run it, then pass the interrupt on.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <V> V result(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

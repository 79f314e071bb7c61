package cn.tuanwu.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    private final Coalescer<String, Integer> coalescer = new Coalescer<>();
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void callersArrivingDuringAComputationShareTheNextOneNeverTheRunningOne() throws Exception {
        CountDownLatch firstRuns = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Supplier<Integer> computation = () -> {
            int number = computations.incrementAndGet();
            if (number == 1) {
                firstRuns.countDown();
                await(releaseFirst);
            }
            return number;
        };
        ConcurrentHashMap<String, Integer> results = new ConcurrentHashMap<>();
        Thread first = call("first", computation, results);
        assertThat(firstRuns.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(call("later-" + i, computation, results));
        }
        for (Thread thread : later) {
            awaitWaiting(thread);
        }
        assertThat(computations).as("the later callers wait; none starts a computation of its own").hasValue(1);

        releaseFirst.countDown();
        first.join(10_000);
        for (Thread thread : later) {
            thread.join(10_000);
        }

        assertThat(results).containsEntry("first", 1);
        assertThat(results).as("every later caller got the one computation started after they asked")
                .containsEntry("later-0", 2).containsEntry("later-1", 2).containsEntry("later-2", 2)
                .containsEntry("later-3", 2).containsEntry("later-4", 2);
        assertThat(computations).hasValue(2);
        assertThat(coalescer.busyKeys()).isZero();
    }

    @Test
    void callsOneAfterAnotherEachComputeAfresh() {
        Supplier<Integer> computation = computations::incrementAndGet;

        assertThat(coalescer.get("2027", computation)).isEqualTo(1);
        assertThat(coalescer.get("2027", computation)).isEqualTo(2);
        assertThat(coalescer.get("2028", computation)).isEqualTo(3);
        assertThat(coalescer.busyKeys()).isZero();
    }

    @Test
    void aFailureReachesItsCallersAndTheNextCallComputesAgain() {
        IllegalStateException failure = new IllegalStateException("database gone");

        assertThatThrownBy(() -> coalescer.get("2027", () -> {
            computations.incrementAndGet();
            throw failure;
        })).isSameAs(failure);
        assertThat(coalescer.get("2027", computations::incrementAndGet)).isEqualTo(2);
        assertThat(coalescer.busyKeys()).isZero();
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ConcurrentHashMap<String, Integer> results = new ConcurrentHashMap<>();
        Thread blocked = call("2027", () -> {
            await(release);
            return 27;
        }, results);
        awaitWaiting(blocked);

        assertThat(coalescer.get("2028", () -> 28)).isEqualTo(28);

        release.countDown();
        blocked.join(10_000);
        assertThat(results).containsEntry("2027", 27);
    }

    private Thread call(String name, Supplier<Integer> computation, ConcurrentHashMap<String, Integer> results) {
        String key = name.startsWith("20") ? name : "2027";
        Thread thread = new Thread(() -> results.put(name, coalescer.get(key, computation)), name);
        thread.start();
        return thread;
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as(thread.getName() + " never waited").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

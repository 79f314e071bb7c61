package cn.tuanwu.load;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Every failed call of a load run, counted; the first few described for the assertion's message. */
final class Failures {

    private static final int KEPT = 20;

    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> first = new ConcurrentLinkedQueue<>();

    void add(String description) {
        if (count.incrementAndGet() <= KEPT) {
            first.add(description);
        }
    }

    int count() {
        return count.get();
    }

    List<String> first() {
        return List.copyOf(first);
    }
}

package cn.tuanwu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap during one phase, two ways: the sum of every heap pool's peak since the reset (an upper
 * bound, since pools peak at different moments), and the highest total heap use seen by a sampler
 * every 10 ms. Both include garbage not yet collected; the -Xmx512m run is the test of what is live.
 */
public final class HeapMeter implements AutoCloseable {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long sampledPeak;

    public HeapMeter() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(() -> {
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                if (used > sampledPeak) {
                    sampledPeak = used;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public long poolPeakSum() {
        return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    public long sampledPeak() {
        return sampledPeak;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }
}

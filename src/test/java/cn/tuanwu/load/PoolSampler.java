package cn.tuanwu.load;

import cn.tuanwu.support.Api;

/**
 * Samples the node's database pool once a second through {@code /actuator/metrics} (HikariCP's
 * gauges): the most connections in use and the most requests waiting for one during the run.
 */
final class PoolSampler {

    private final Api api;
    private final Api.Login admin;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile double maxActive;
    private volatile double maxPending;
    private volatile double size;

    PoolSampler(Api api, Api.Login admin) {
        this.api = api;
        this.admin = admin;
        this.thread = new Thread(this::sample, "pool-sampler");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }

    private void sample() {
        while (running) {
            try {
                maxActive = Math.max(maxActive, gauge("hikaricp.connections.active"));
                maxPending = Math.max(maxPending, gauge("hikaricp.connections.pending"));
                size = Math.max(size, gauge("hikaricp.connections.max"));
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException sampleLost) {
                // A sample is not a call under test: a slow or failed one is only a missing point.
            }
        }
    }

    private double gauge(String name) {
        Api.Response response = api.get("/actuator/metrics/" + name, admin);
        return response.status() == 200 ? response.json().path("measurements").path(0).path("value").asDouble() : 0;
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "pool of %.0f: at most %.0f in use, at most %.0f requests waiting",
                size, maxActive, maxPending);
    }
}

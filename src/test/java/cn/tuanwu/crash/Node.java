package cn.tuanwu.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.tuanwu.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One JVM running the packaged application, its output in a log file (crash, cluster and load tests). */
public final class Node {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private Node(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code target/tuanwu.jar} on a free port against {@code database}, with the first administrator's
     * password and the test's own arguments (Spring properties as {@code --name=value}).
     */
    public static Node start(String name, Path log, Database database, String adminPassword, List<String> arguments)
            throws IOException {
        // Start-up is most of a crash test's time: the C1 compiler alone starts the application about
        // twice as fast on a small machine, and the apply is no less real for it.
        return start(name, log, database, adminPassword, List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                arguments);
    }

    /** The same with the JVM's own options ({@code -Xmx…}, {@code -XX:…}) instead of the crash tests' fast start. */
    public static Node start(String name, Path log, Database database, String adminPassword, List<String> jvmOptions,
            List<String> arguments) throws IOException {
        Path jar = Path.of(System.getProperty("tuanwu.test.jar", "target/tuanwu.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the IT with ./mvnw verify (it needs package)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--camunda.bpm.job-execution.enabled=true"));
        command.addAll(arguments);
        command.addAll(database.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("TUANWU_ADMIN_PASSWORD", adminPassword);
        // The database comes from the arguments only; a SPRING_PROFILES_ACTIVE of the caller must not add the demo.
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        return new Node(name, builder.start(), log, port);
    }

    public Api api() {
        return new Api(port);
    }

    public void awaitHealthy(Duration timeout) {
        Api api = api();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("%s exited with %d before it was healthy; its log ends:%n%s", name, process.exitValue(), tail());
            }
            try {
                Api.Response health = api.get("/actuator/health", null);
                if (health.status() == 200 && "UP".equals(health.json().path("status").asText())) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // Connection refused until Tomcat is up.
            }
            sleep(250);
        }
        fail("%s not healthy after %s; its log ends:%n%s", name, timeout, tail());
    }

    /** SIGKILL on Linux: no shutdown hook, no rollback, the job stays locked to this node. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " died").isTrue();
        assertThat(process.isAlive()).isFalse();
    }

    /** A clean stop (SIGTERM), forced only when it hangs. */
    public void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until the node logs a line containing {@code text}, reading only what is new every few
     * milliseconds, so that a test can act within moments of what the node is doing; fails when the node
     * dies first or after {@code timeout}.
     */
    public void awaitLogged(String text, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long position = 0;
            String carried = "";
            while (System.nanoTime() < deadline) {
                long length = file.length();
                if (length > position) {
                    byte[] fresh = new byte[(int) Math.min(length - position, 1 << 20)];
                    file.seek(position);
                    file.readFully(fresh);
                    position += fresh.length;
                    String seen = carried + new String(fresh, StandardCharsets.UTF_8);
                    if (seen.contains(text)) {
                        return;
                    }
                    carried = seen.substring(Math.max(0, seen.length() - text.length()));
                } else if (!process.isAlive()) {
                    fail("%s exited before logging \"%s\"; its log ends:%n%s", name, text, tail());
                } else {
                    sleep(5);
                }
            }
        }
        fail("%s did not log \"%s\" within %s; its log ends:%n%s", name, text, timeout, tail());
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package cn.tuanwu.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time between two readings: this JVM's (every thread: the job executor, the e-mail sender, the benchmark's
 * own polling), and, when the database is a PostgreSQL server on this machine, that of its processes serving this
 * database (from /proc; a process that ended in between is missed). On a machine shared with other work the wall
 * time of a phase depends on what else runs; its CPU time much less so.
 */
public final class CpuMeter {

    /** Linux's USER_HZ, the unit of /proc/[pid]/stat's times, on every common architecture. */
    private static final long TICK_NANOS = 10_000_000L;
    /** The job executor's threads (the starter's pool) and the e-mail sender's. */
    private static final Pattern JOB_THREADS = Pattern.compile("camundaTaskExecutor|notify-");

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public CpuMeter(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /** A reading; {@link Reading#databaseNanosSince} is -1 when the database's processes cannot be read. */
    public Reading read() {
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> jobThreads = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && JOB_THREADS.matcher(info.getThreadName()).lookingAt()) {
                jobThreads.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        Map<Integer, Long> backends = null;
        if (postgres) {
            backends = new HashMap<>();
            List<Integer> pids = jdbc.queryForList(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database()", Integer.class);
            for (int pid : pids) {
                long ticks = ticks(pid);
                if (ticks < 0) {
                    backends = null;
                    break;
                }
                backends.put(pid, ticks);
            }
        }
        return new Reading(jvm, jobThreads, backends);
    }

    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public record Reading(long jvmNanos, Map<Long, Long> jobThreadNanos, Map<Integer, Long> backendTicks) {

        public long jvmNanosSince(Reading start) {
            return jvmNanos - start.jvmNanos;
        }

        /** The job executor's and the e-mail sender's threads only: no JIT compiler, collector or polling. */
        public long jobThreadNanosSince(Reading start) {
            long nanos = 0;
            for (Map.Entry<Long, Long> thread : jobThreadNanos.entrySet()) {
                nanos += Math.max(0, thread.getValue() - start.jobThreadNanos.getOrDefault(thread.getKey(), 0L));
            }
            return nanos;
        }

        /** The database processes' CPU since {@code start}; a process that started in between counts whole. */
        public long databaseNanosSince(Reading start) {
            if (backendTicks == null || start.backendTicks == null) {
                return -1;
            }
            long ticks = 0;
            for (Map.Entry<Integer, Long> backend : backendTicks.entrySet()) {
                ticks += backend.getValue() - start.backendTicks.getOrDefault(backend.getKey(), 0L);
            }
            return ticks * TICK_NANOS;
        }
    }
}

package cn.tuanwu.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.bench.Floor;
import cn.tuanwu.bench.HeapMeter;
import cn.tuanwu.bench.MemberSheet;
import cn.tuanwu.identity.Caller;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TestProfiles;
import cn.tuanwu.support.TuanwuTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The upload's speed and memory against the floor (bare parse, bare bulk write), on the real
 * application context: {@link Staging#stage} is parseUpload's work and {@link Applying#apply}
 * applyUpload's, called directly so that the timing is the work and not the job executor.
 * Not part of the normal build: {@code ./mvnw -Pbenchmark test} (see BENCHMARKS.md).
 *
 * <p>System properties: {@code bench.rows} (default 100,000), {@code bench.repeats} (default 3; the
 * best run counts, the machine is shared).
 */
@Tag("benchmark")
@TuanwuTest
class UploadBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UploadBenchmark.class);
    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 3);
    /** Province codes: each file of each run gets its own, so no run sees another's ID numbers. */
    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
        "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52"};
    private static final Path WORK = Path.of("target", "bench");

    /**
     * H2 as production runs it (a file database; the in-memory one would hold every staged row on the
     * heap being measured), durable on commit as the default one, and limits that let a million rows in.
     */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        if (!TestProfiles.onPostgres()) {
            Path h2 = WORK.resolve("h2");
            FileSystemUtils.deleteRecursively(h2);
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + h2.toAbsolutePath().resolve("tuanwu")
                    + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        }
        registry.add("tuanwu.upload.max-rows", () -> Math.max(500_000, ROWS));
        registry.add("tuanwu.upload.max-bytes", () -> 512L * 1024 * 1024);
    }

    @Autowired
    Uploads uploads;
    @Autowired
    Staging staging;
    @Autowired
    Applying applying;
    @Autowired
    UploadRepository repository;
    @Autowired
    Organisations organisations;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    DataSource dataSource;
    @Autowired
    Environment environment;

    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    private record Sample(long millis, long baseline, long poolPeakSum, long sampledPeak) {
    }

    @Test
    void uploadAgainstTheFloor() throws Exception {
        Files.createDirectories(WORK);
        TestFixtures.Tree tree = fixtures.tree();
        List<String> orgs = List.of(tree.districtA(), tree.streetA(), tree.branchA());
        var organisation = organisations.require(tree.districtA());
        Caller caller = new Caller("bench", Set.of());
        boolean postgres = TestProfiles.onPostgres();
        for (int run = 0; run < REPEATS; run++) {
            MemberSheet valid = new MemberSheet(ROWS, PROVINCES[2 * run] + "0101", orgs, false);
            MemberSheet invalid = new MemberSheet(ROWS, PROVINCES[2 * run + 1] + "0101", orgs, true);
            Path validFile = WORK.resolve("valid-" + run + ".xlsx");
            Path invalidFile = WORK.resolve("invalid-" + run + ".xlsx");
            valid.write(validFile);
            invalid.write(invalidFile);
            log.info("Run {}: files of {} rows, {} and {} bytes", run + 1, ROWS, Files.size(validFile),
                    Files.size(invalidFile));

            measure("floor parse (fastexcel, every cell's text)", () -> Floor.parse(validFile));
            floorWrite("floor write: batched INSERT", valid, false);
            if (postgres) {
                floorWrite("floor write: batched INSERT, reWriteBatchedInserts", valid, true);
                floorCopy(valid);
            }

            String first = measure("receive (store the file)", () -> receive(organisation, validFile, caller));
            Upload staged = measure("parseUpload, all valid", () -> staging.stage(first));
            assertThat(staged.counts()).containsEntry(RowOutcome.NEW, ROWS);
            uploads.recordDecision(first, true, "bench", null);
            measure("applyUpload, all valid", () -> {
                applying.apply(first);
                return null;
            });
            assertThat(repository.findById(first).orElseThrow().status()).isEqualTo(UploadStatus.APPLIED);

            String again = receive(organisation, validFile, caller);
            Upload unchanged = measure("parseUpload, same file again (all UNCHANGED)", () -> staging.stage(again));
            assertThat(unchanged.counts()).containsEntry(RowOutcome.UNCHANGED, ROWS);
            assertThat(unchanged.status()).isEqualTo(UploadStatus.NOTHING_TO_APPLY);

            String broken = receive(organisation, invalidFile, caller);
            Upload partly = measure("parseUpload, 10% invalid", () -> staging.stage(broken));
            assertThat(partly.counts()).containsEntry(RowOutcome.REJECTED, ROWS / 10)
                    .containsEntry(RowOutcome.NEW, ROWS - ROWS / 10);
            uploads.recordDecision(broken, true, "bench", null);
            measure("applyUpload, 10% invalid", () -> {
                applying.apply(broken);
                return null;
            });

            Files.delete(validFile);
            Files.delete(invalidFile);
        }
        report(postgres);
    }

    private String receive(cn.tuanwu.organisation.OrganisationInfo organisation, Path file, Caller caller) {
        return uploads.receive(organisation, "members.xlsx", file, caller).id();
    }

    private void floorWrite(String phase, MemberSheet sheet, boolean rewrite) throws Exception {
        try (Connection connection = rewrite ? rewritingConnection() : dataSource.getConnection()) {
            Floor.recreateTable(connection);
            measure(phase, () -> {
                Floor.batchedInsert(connection, sheet);
                return null;
            });
            connection.setAutoCommit(true);
        }
    }

    private void floorCopy(MemberSheet sheet) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Floor.recreateTable(connection);
            measure("floor write: COPY + INSERT … SELECT … ON CONFLICT", () -> {
                Floor.copyThenInsert(connection, sheet);
                return null;
            });
            connection.setAutoCommit(true);
        }
    }

    /** The driver's own rewrite of batches into multi-row INSERTs, whatever the application's URL says. */
    private Connection rewritingConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", environment.getProperty("spring.datasource.username", ""));
        properties.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"), properties);
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> T measure(String phase, Work<T> work) throws Exception {
        System.gc();
        long baseline = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        T result;
        long started;
        long millis;
        try (HeapMeter heap = new HeapMeter()) {
            started = System.nanoTime();
            result = work.run();
            millis = (System.nanoTime() - started) / 1_000_000;
            samples.computeIfAbsent(phase, key -> new ArrayList<>())
                    .add(new Sample(millis, baseline, heap.poolPeakSum(), heap.sampledPeak()));
        }
        log.info("{}: {} ms", phase, millis);
        return result;
    }

    private void report(boolean postgres) throws IOException {
        StringBuilder out = new StringBuilder();
        String database = postgres ? "PostgreSQL" : "H2 (file)";
        out.append("## ").append(database).append(", ").append(String.format("%,d", ROWS)).append(" rows, ")
                .append(REPEATS).append(" run(s), -Xmx").append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append("m (max heap as the JVM reports it)\n\n")
                .append("| phase | best ms | all runs ms | heap MB before (after GC) | peak heap MB (pool peaks summed) "
                        + "| peak heap MB (sampled) |\n")
                .append("|---|---:|---|---:|---:|---:|\n");
        samples.forEach((phase, list) -> out.append("| ").append(phase).append(" | ").append(best(phase))
                .append(" | ").append(list.stream().map(s -> Long.toString(s.millis())).collect(Collectors.joining(", ")))
                .append(" | ").append(list.stream().mapToLong(Sample::baseline).max().orElse(0) / (1024 * 1024))
                .append(" | ").append(list.stream().mapToLong(Sample::poolPeakSum).max().orElse(0) / (1024 * 1024))
                .append(" | ").append(list.stream().mapToLong(Sample::sampledPeak).max().orElse(0) / (1024 * 1024))
                .append(" |\n"));
        long parse = best("floor parse (fastexcel, every cell's text)");
        long write = samples.keySet().stream().filter(phase -> phase.startsWith("floor write")).mapToLong(this::best)
                .min().orElseThrow();
        out.append("\nFloor: parse ").append(parse).append(" ms + write ").append(write).append(" ms = ")
                .append(parse + write).append(" ms\n\n| ratio | value | target |\n|---|---:|---|\n");
        ratio(out, "parseUpload, all valid", parse + write, "≤ 2× (parse + write)");
        ratio(out, "parseUpload, same file again (all UNCHANGED)", parse + write, "≤ 2× (parse + write)");
        ratio(out, "parseUpload, 10% invalid", parse + write, "≤ 2× (parse + write)");
        ratio(out, "applyUpload, all valid", write, "≤ 2× write");
        ratio(out, "applyUpload, 10% invalid", write, "≤ 2× write");
        String text = out.toString();
        log.info("\n{}", text);
        Path results = Path.of("target", "benchmark-results-" + (postgres ? "postgres" : "h2") + "-" + ROWS + ".md");
        Files.writeString(results, text);
    }

    private void ratio(StringBuilder out, String phase, long floor, String target) {
        out.append("| ").append(phase).append(" / floor | ")
                .append(String.format("%.2f", (double) best(phase) / floor)).append(" | ").append(target).append(" |\n");
    }

    private long best(String phase) {
        return samples.get(phase).stream().mapToLong(Sample::millis).min().orElseThrow();
    }
}

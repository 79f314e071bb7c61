package cn.tuanwu.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.bench.HeapMeter;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.Education;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.member.NewMember;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TestProfiles;
import cn.tuanwu.support.TuanwuTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 未登录详情 of 100,000 unregistered members: time and peak heap of the download, which streams
 * (fetch-size query into a streaming workbook). The client only counts bytes, so the heap measured
 * is the server's. Not part of the normal build: {@code ./mvnw -Pbenchmark test -Dtest=UnregisteredExportBenchmark}.
 */
@Tag("benchmark")
@TuanwuTest
class UnregisteredExportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UnregisteredExportBenchmark.class);
    private static final int MEMBERS = Integer.getInteger("bench.unregisteredMembers", 100_000);

    @LocalServerPort int port;
    @Autowired TestFixtures fixtures;
    @Autowired MemberRegister register;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aHundredThousandUnregisteredMembersStream() throws Exception {
        TestFixtures.Tree tree = fixtures.tree();
        addUnregistered(tree.branchA());
        Api.Login admin = fixtures.adminOf(tree.streetA());
        System.gc();
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        long started = System.nanoTime();
        long bytes;
        long samplePeak;
        long poolPeak;
        try (HeapMeter heap = new HeapMeter()) {
            bytes = download("/api/orgs/" + tree.streetA() + "/unregistered.xlsx", admin);
            samplePeak = heap.sampledPeak();
            poolPeak = heap.poolPeakSum();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE user_id = ? AND action = 'EXPORT_UNREGISTERED'",
                String.class, admin.userId())).isEqualTo(MEMBERS + " members, phones full");
        String database = TestProfiles.onPostgres() ? "postgres" : "h2";
        String line = String.format("| %s | %,d | %,d | %,d | %d | %d | %d |", database, MEMBERS, bytes, millis,
                before >> 20, samplePeak >> 20, poolPeak >> 20);
        log.info("未登录详情 of {} members: {}", MEMBERS, line);
        Path results = Path.of("target", "benchmark-results-unregistered-" + database + ".md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "| database | rows | bytes | ms | heap before MB | sampled peak MB | pool peak sum MB |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n" + line + "\n");
    }

    private long download(String path, Api.Login login) throws IOException, InterruptedException {
        String token = Base64.getEncoder().encodeToString((login.userId() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + token)
                        .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
            }
        }
        return total;
    }

    private void addUnregistered(String orgCode) {
        List<NewMember> batch = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            LocalDate born = LocalDate.of(2000, 1, 1).plusDays(i % 3000);
            batch.add(new NewMember(IdNumber.trusted(IdNumbers.next(born)), "未登录成员", "汉族",
                    PoliticalStatus.LEAGUE_MEMBER, Education.BACHELOR, YearMonth.from(born.plusYears(15)), "13812345678",
                    orgCode, MemberCategory.LEAGUE_MEMBER, null, EntryType.SUPPLEMENT, null));
            if (batch.size() == 2_000) {
                register.addAll(batch);
                batch.clear();
            }
        }
        register.addAll(batch);
    }
}

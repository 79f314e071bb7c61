package cn.tuanwu.transfer;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One {@code allOverAge} transfer-out of 20,000 members (issue 4: "within a few seconds"): the
 * request (validation, the member list, the process start) and the apply job, timed apart.
 * Not part of the normal build: {@code ./mvnw -Pbenchmark test} (see BENCHMARKS.md).
 */
@Tag("benchmark")
@TuanwuTest
class TransferBenchmark {

    private static final Logger log = LoggerFactory.getLogger(TransferBenchmark.class);
    private static final int MEMBERS = Integer.getInteger("bench.transferMembers", 20_000);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 3);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    MemberRegister register;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void twentyThousandOverAgeMembersInOneRequest() throws IOException {
        Api api = new Api(port);
        List<String> lines = new ArrayList<>();
        for (int run = 1; run <= REPEATS; run++) {
            TestFixtures.Tree tree = fixtures.tree();
            Api.Login admin = fixtures.adminOf(tree.districtA());
            addOverAgeMembers(tree.branchA());

            long started = System.nanoTime();
            Api.Response accepted = api.post("/api/transfer-outs", "{\"orgCode\": \"" + tree.districtA()
                    + "\", \"allOverAge\": true, \"reason\": \"OVER_AGE\"}", admin);
            long requested = System.nanoTime();
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.json().path("count").asInt()).isEqualTo(MEMBERS);
            Job apply = managementService.createJobQuery()
                    .processInstanceId(accepted.json().path("processInstanceId").asText()).singleResult();
            managementService.executeJob(apply.getId());
            long applied = System.nanoTime();

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE org_code = ? AND status = 'TRANSFERRED_OUT'",
                    Integer.class, tree.branchA())).isEqualTo(MEMBERS);
            String line = String.format("| %d | %d | %d | %d |", run, (requested - started) / 1_000_000,
                    (applied - requested) / 1_000_000, (applied - started) / 1_000_000);
            log.info("Transfer-out of {} members, run {}: request {} ms, apply {} ms", MEMBERS, run,
                    (requested - started) / 1_000_000, (applied - requested) / 1_000_000);
            lines.add(line);
        }
        String database = TestProfiles.onPostgres() ? "postgres" : "h2";
        Path results = Path.of("target", "benchmark-results-transfer-" + database + ".md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "## Transfer-out, " + MEMBERS + " members by one allOverAge request, " + database
                + "\n\n| run | request ms (validate, list, start) | apply job ms | total ms |\n|---:|---:|---:|---:|\n"
                + String.join("\n", lines) + "\n");
    }

    private void addOverAgeMembers(String orgCode) {
        LocalDate today = LocalDate.now(clock);
        List<NewMember> batch = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            LocalDate born = today.minusYears(29).minusDays(i % 2000);
            batch.add(new NewMember(IdNumber.trusted(IdNumbers.next(born)), "超龄成员", "汉族",
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

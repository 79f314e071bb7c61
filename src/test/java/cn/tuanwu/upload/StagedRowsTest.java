package cn.tuanwu.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.NewMember;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.shared.IdNumberCheck;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staged rows come back exactly as they were written, whichever way they were written (COPY's
 * text format on PostgreSQL has its own escapes for backslashes, tabs and line breaks).
 */
@TuanwuTest
class StagedRowsTest {

    private static final String AWKWARD = "a\\b\tc\nd\re \\N \\. 张三 ｘ\u3000\u200B \"q\" '";

    @Autowired
    StagedRows stagedRows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TestFixtures fixtures;

    @Test
    void rowsComeBackAsTheyWereStaged() {
        String orgCode = fixtures.tree().branchA();
        String uploadId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO upload (id, org_code, file_name, file_size, sha256, status, uploaded_by, uploaded_at) "
                + "VALUES (?, ?, 'x.xlsx', 1, 'x', 'VALIDATING', 'test', ?)", uploadId, orgCode,
                Timestamp.from(Instant.now()));
        IdNumber id = ((IdNumberCheck.Valid) IdNumber.check(IdNumbers.next(LocalDate.of(2001, 4, 5)),
                LocalDate.now())).idNumber();
        NewMember member = new NewMember(id, "张三", "汉族", PoliticalStatus.LEAGUE_MEMBER, Education.BACHELOR,
                YearMonth.of(2016, 5), "13812345678", orgCode, MemberCategory.LEAGUE_CADRE, "组织\\委员\t",
                EntryType.SUPPLEMENT, null);
        StagedRow.StagedError error = new StagedRow.StagedError("E_X", "姓名", 0, AWKWARD);
        List<StagedRow> rows = List.of(
                new StagedRow(2, RowOutcome.REJECTED, List.of(error), List.of(), List.of(), List.of(AWKWARD, "", "\\"),
                        null, null),
                new StagedRow(3, RowOutcome.UPDATED, List.of(), List.of(error), List.of("phone", "post"),
                        List.of(AWKWARD), 42L, member),
                new StagedRow(4, RowOutcome.NEW, List.of(), List.of(), List.of(), null, null, member));
        transaction.executeWithoutResult(status -> stagedRows.insert(uploadId, rows));

        List<StagedRow> back = stagedRows.page(uploadId, null, 0, 10);
        assertThat(back).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(rows);
        assertThat(back.get(1).member().idNumber().value()).isEqualTo(id.value());
        assertThat(back.get(1).member().idNumber().birthDate()).isEqualTo(id.birthDate());
        assertThat(jdbc.queryForObject("SELECT gender FROM upload_row WHERE upload_id = ? AND row_number = 4",
                String.class, uploadId)).isEqualTo(id.gender().name());
    }
}

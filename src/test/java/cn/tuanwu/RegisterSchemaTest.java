package cn.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TestProfiles;
import cn.tuanwu.support.TuanwuTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Flyway migrations, run on the database of this build (H2, or PostgreSQL in CI's second half). */
@TuanwuTest
class RegisterSchemaTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestFixtures fixtures;

    @Test
    void runsOnTheDatabaseTheBuildAskedFor() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(TestProfiles.onPostgres() ? "PostgreSQL" : "H2");
        }
    }

    @Test
    void everyMigrationApplied() {
        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"tuanwu_schema_history\" WHERE \"success\" = TRUE", String.class))
                .contains("1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"tuanwu_schema_history\" WHERE \"success\" = FALSE", Integer.class))
                .isZero();
    }

    @Test
    void theSchemaRefusesATransferWithoutReasonAndACategoryBelowTopLevel() {
        TestFixtures.Tree tree = fixtures.tree();
        String idNumber = fixtures.member(tree.branchA());
        assertThatThrownBy(() -> jdbc.update("UPDATE member SET status = 'TRANSFERRED_OUT' WHERE id_number = ?", idNumber))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE organisation SET category = 'DISTRICT' WHERE code = ?", tree.branchA()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE member SET registered = TRUE WHERE id_number = ?", idNumber))
                .as("registered needs its time").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anIdNumberIsInTheRegisterOnce() {
        TestFixtures.Tree tree = fixtures.tree();
        String idNumber = fixtures.member(tree.branchA());
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO member (id, id_number, name, gender, birth_date, ethnicity, political_status, education,
                    joined_league, phone, org_code, category, entry_type, status, created_at, updated_at)
                SELECT id + 1000000, id_number, name, gender, birth_date, ethnicity, political_status, education,
                    joined_league, phone, org_code, category, entry_type, status, created_at, updated_at
                FROM member WHERE id_number = ?""", idNumber)).isInstanceOf(DataIntegrityViolationException.class);
    }
}

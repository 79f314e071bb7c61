package cn.tuanwu.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The few places where H2 and PostgreSQL need different SQL. */
@Component
public class Dialect {

    /**
     * Tables whose statistics bulk work may refresh, with the columns queries filter, join or sort
     * on; names are never taken from input. Only these columns are sampled (about half the time of
     * the whole table, which has JSON and free-text columns no plan depends on); the table's row
     * and page counts are refreshed either way, and autovacuum still analyzes the whole table later.
     */
    private static final Map<String, String> ANALYZABLE = Map.of(
            "member", "id, id_number, name, org_code, status, category, birth_date, registered",
            "upload_row", "upload_id, row_number, outcome, cells",
            "organisation", "code, parent_code, level, path, category");

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    Dialect(DataSource dataSource, JdbcTemplate jdbc) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    public String nextValue(String sequence) {
        return postgres ? "nextval('" + sequence + "')" : "NEXT VALUE FOR " + sequence;
    }

    /**
     * Refreshes the planner's statistics after bulk work on PostgreSQL. A table that grew from empty
     * within one upload has none, and the planner then scans it whole for every lookup.
     */
    public void analyze(String table) {
        String columns = ANALYZABLE.get(table);
        if (columns == null) {
            throw new IllegalArgumentException("Not an analyzable table: " + table);
        }
        if (postgres) {
            jdbc.execute("ANALYZE " + table + " (" + columns + ")");
        }
    }
}

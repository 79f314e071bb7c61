package cn.tuanwu.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The few places where H2 and PostgreSQL need different SQL. */
@Component
public class Dialect {

    /** Tables whose statistics bulk work may refresh; names are never taken from input. */
    private static final Set<String> ANALYZABLE = Set.of("member", "upload_row");

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
        if (!ANALYZABLE.contains(table)) {
            throw new IllegalArgumentException("Not an analyzable table: " + table);
        }
        if (postgres) {
            jdbc.execute("ANALYZE " + table);
        }
    }
}

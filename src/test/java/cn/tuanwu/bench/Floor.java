package cn.tuanwu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The floor the upload is measured against: the fastest streaming parse of the file with no rule at
 * all, and the fastest plain-JDBC write of its rows into a scratch table with the member table's
 * columns (no foreign keys, ids given, no lookups).
 */
public final class Floor {

    public static final String TABLE = "bench_member";
    private static final String COLUMNS = "id, id_number, name, gender, birth_date, ethnicity, political_status, "
            + "education, joined_league, phone, org_code, category, post, entry_type, status, registered, created_at, "
            + "updated_at, version";
    private static final int BATCH = 2000;

    private Floor() {
    }

    /** fastexcel over every cell's text, nothing else; returns the characters read so nothing is optimised away. */
    public static long parse(Path file) {
        long chars = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> iterator = rows.iterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null) {
                        chars += cell.getText().length();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chars;
    }

    /** The scratch table, empty: same columns and unique ID number as {@code member}. */
    public static void recreateTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("""
                    CREATE TABLE bench_member (
                        id BIGINT NOT NULL PRIMARY KEY, id_number VARCHAR(18) NOT NULL UNIQUE, name VARCHAR(30) NOT NULL,
                        gender VARCHAR(6) NOT NULL, birth_date DATE NOT NULL, ethnicity VARCHAR(20) NOT NULL,
                        political_status VARCHAR(30) NOT NULL, education VARCHAR(30) NOT NULL, joined_league DATE NOT NULL,
                        phone VARCHAR(11) NOT NULL, org_code VARCHAR(32) NOT NULL, category VARCHAR(20) NOT NULL,
                        post VARCHAR(30), entry_type VARCHAR(20) NOT NULL, status VARCHAR(20) NOT NULL,
                        registered BOOLEAN NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        updated_at TIMESTAMP WITH TIME ZONE NOT NULL, version BIGINT NOT NULL)""");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Batched INSERTs of {@value #BATCH} rows, one transaction. */
    public static void batchedInsert(Connection connection, MemberSheet sheet) throws SQLException {
        connection.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sheet.rows(); i++) {
                MemberSheet.Values v = sheet.row(i);
                s.setLong(1, i + 1L);
                s.setString(2, v.idNumber());
                s.setString(3, v.name());
                s.setString(4, v.gender());
                s.setObject(5, v.birthDate());
                s.setString(6, "汉族");
                s.setString(7, "LEAGUE_MEMBER");
                s.setString(8, "BACHELOR");
                s.setObject(9, v.birthDate().plusYears(15).withMonth(5).withDayOfMonth(1));
                s.setString(10, v.phone().substring(0, Math.min(11, v.phone().length())));
                s.setString(11, v.orgCode());
                s.setString(12, "LEAGUE_MEMBER");
                s.setString(13, null);
                s.setString(14, "SUPPLEMENT");
                s.setString(15, "ACTIVE");
                s.setBoolean(16, false);
                s.setTimestamp(17, now);
                s.setTimestamp(18, now);
                s.setLong(19, 0);
                s.addBatch();
                if ((i + 1) % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        connection.commit();
    }

    /** PostgreSQL: COPY into a temporary table, then one INSERT … SELECT … ON CONFLICT DO NOTHING. */
    public static void copyThenInsert(Connection connection, MemberSheet sheet) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE bench_copy (LIKE " + TABLE + ") ON COMMIT DROP");
        }
        String now = Instant.now().toString();
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY bench_copy (" + COLUMNS + ") FROM STDIN WITH (FORMAT text)");
        StringBuilder buffer = new StringBuilder(1 << 17);
        for (int i = 0; i < sheet.rows(); i++) {
            MemberSheet.Values v = sheet.row(i);
            buffer.append(i + 1L).append('\t').append(v.idNumber()).append('\t').append(v.name()).append('\t')
                    .append(v.gender()).append('\t').append(v.birthDate()).append("\t汉族\tLEAGUE_MEMBER\tBACHELOR\t")
                    .append(v.birthDate().plusYears(15).withMonth(5).withDayOfMonth(1)).append('\t')
                    .append(v.phone(), 0, Math.min(11, v.phone().length())).append('\t').append(v.orgCode())
                    .append("\tLEAGUE_MEMBER\t\\N\tSUPPLEMENT\tACTIVE\tf\t").append(now).append('\t').append(now)
                    .append("\t0\n");
            if (buffer.length() > (1 << 16)) {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            }
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO " + TABLE + " SELECT * FROM bench_copy ON CONFLICT (id_number) DO NOTHING");
        }
        connection.commit();
    }
}

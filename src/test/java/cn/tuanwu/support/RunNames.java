package cn.tuanwu.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When a test context closes (at the end of the Surefire run), writes the name of every member in its
 * register and every staged row beside the run log ({@code logback-test.xml}), so that
 * {@code PersonalDataRunLogIT} can look for each of them in the log: the people of every test, not only
 * those a test knows. Test data only; nothing is written when no run log is configured.
 */
@TestComponent
public class RunNames implements DisposableBean {

    private final JdbcTemplate jdbc;

    RunNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The names file that goes with a run log: {@code surefire-….log} → {@code surefire-…-names.txt}. */
    public static Path besideRunLog(Path runLog) {
        String file = runLog.getFileName().toString().replaceFirst("\\.log$", "");
        return runLog.resolveSibling(file + "-names.txt");
    }

    @Override
    public void destroy() throws IOException {
        String runLog = System.getProperty("tuanwu.test.runlog", "");
        if (runLog.isBlank()) {
            return;
        }
        List<String> names = jdbc.queryForList("""
                SELECT name FROM member
                UNION SELECT name FROM upload_row WHERE name IS NOT NULL""", String.class);
        Path file = besideRunLog(Path.of(runLog));
        Files.createDirectories(file.getParent());
        Files.write(file, names, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

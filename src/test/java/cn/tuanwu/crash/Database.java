package cn.tuanwu.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the application JVMs of a crash, cluster or load test keep their data, and how the test reads it once they are gone. */
public interface Database {

    String kind();

    /** Arguments and environment that point the application at this database. */
    List<String> arguments();

    Connection connect() throws SQLException;

    void drop() throws Exception;

    static Database h2File() throws IOException {
        Path dir = Files.createTempDirectory("tuanwu-crash-");
        // As the default datasource, only in a fresh directory.
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
        return new Database() {
            public String kind() {
                return "H2 (" + dir + ")";
            }

            public List<String> arguments() {
                return List.of("--spring.datasource.url=" + url);
            }

            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url, "sa", "");
            }

            public void drop() throws IOException {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        };
    }

    static Database postgresScratch() throws SQLException {
        String base = require("DB_URL");
        String user = System.getenv().getOrDefault("DB_USER", "");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        Matcher m = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?").matcher(base);
        if (!m.matches()) {
            throw new IllegalStateException("DB_URL is not a jdbc:postgresql URL: " + base);
        }
        String name = (m.group(2) + "_crash_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
        try (Connection admin = DriverManager.getConnection(base, user, password); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new Database() {
            public String kind() {
                return "PostgreSQL (" + name + ")";
            }

            public List<String> arguments() {
                return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
            }

            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url, user, password);
            }

            public void drop() throws SQLException {
                try (Connection admin = DriverManager.getConnection(base, user, password);
                        Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        };
    }

    private static String require(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-Dtuanwu.test.db=postgres needs " + variable);
        }
        return value;
    }
}

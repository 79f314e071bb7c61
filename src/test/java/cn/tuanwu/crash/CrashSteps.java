package cn.tuanwu.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What the crash and cluster tests do to their nodes the way users and operators do it: over HTTP. */
public final class CrashSteps {

    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";

    private CrashSteps() {
    }

    /** Health is UP as soon as Tomcat listens; the first administrator is made by a runner just after. */
    static void awaitLogin(Node node, String name, Api.Login admin) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (node.api().get("/api/orgs", admin).status() != 200) {
            if (System.nanoTime() > deadline) {
                fail("%s: the administrator cannot log in", name);
            }
            sleep(250);
        }
    }

    /** A user with an e-mail address of {@code <id>@example.org}, in the given groups. */
    public static void createUser(Api api, Api.Login admin, Api.Login login, List<String> groups) {
        Api.Response created = api.post("/engine-rest/user/create", """
                {"profile": {"id": "%s", "firstName": "测", "lastName": "试", "email": "%s@example.org"},
                 "credentials": {"password": "%s"}}""".formatted(login.userId(), login.userId(), login.password()), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        for (String group : groups) {
            Api.Response member = api.put("/engine-rest/group/" + group + "/members/" + login.userId(), "", admin);
            assertThat(member.status()).as(group + ": " + member.body()).isEqualTo(204);
        }
    }

    /** A district below the city committee and one street committee below it, both named for the test. */
    record DistrictAndStreet(String district, String street) {
    }

    static DistrictAndStreet districtWithStreet(Api api, Api.Login admin, String prefix, String name) {
        String city = api.get("/api/orgs", admin).json().path(0).path("code").asText();
        String district = prefix + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        String street = district + "01";
        Api.Response orgs = api.post("/api/orgs", """
                [{"code": "%s", "name": "%s区团委", "parentCode": "%s", "category": "DISTRICT"},
                 {"code": "%s", "name": "%s街道团工委", "parentCode": "%s"}]"""
                .formatted(district, name, city, street, name, district), admin);
        assertThat(orgs.status()).as(orgs.body()).isEqualTo(201);
        return new DistrictAndStreet(district, street);
    }

    /** Polls the upload until {@code done}; fails after {@code timeout}. */
    static JsonNode pollUpload(Api api, Api.Login login, String upload, Duration timeout, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Api.Response response = api.get("/api/imports/" + upload, login);
            if (response.status() == 200) {
                last = response.json();
                if (done.test(last)) {
                    return last;
                }
            }
            sleep(20);
        }
        return fail("upload %s not done after %s: %s", upload, timeout, last);
    }

    /** Waits for {@code status}, or fails at once on a different final one. */
    static JsonNode awaitUploadStatus(Api api, Api.Login login, String upload, String status, Duration timeout) {
        JsonNode last = pollUpload(api, login, upload, timeout, json -> status.equals(json.path("status").asText())
                || List.of("FAILED", "REJECTED", "NOTHING_TO_APPLY", "APPLIED").contains(json.path("status").asText()));
        assertThat(last.path("status").asText()).as(last.toString()).isEqualTo(status);
        return last;
    }

    /** Unique and valid: twenty-four years old today and up to eight years younger, never under or over age. */
    static String idNumber(LocalDate today, int i) {
        LocalDate birthDate = today.minusYears(24).plusDays(i % 2900);
        return IdNumbers.of("310101", birthDate, i / 2900);
    }

    /** A valid member row in template order, joined in the month of the 14th birthday, with a phone from its number. */
    static List<Object> row(String idNumber, int i, String phonePrefix, String orgCode) {
        LocalDate birthDate = LocalDate.parse(idNumber.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
        String joined = YearMonth.from(birthDate.plusYears(14)).toString();
        String phone = phonePrefix + String.format(Locale.ROOT, "%08d", i);
        String name = "测试" + GIVEN.charAt(i % GIVEN.length()) + GIVEN.charAt(i / GIVEN.length() % GIVEN.length());
        return List.of(name, idNumber, "", "汉族", "共青团员", "本科", joined, phone, orgCode, "团员", "", "补录");
    }

    static long single(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

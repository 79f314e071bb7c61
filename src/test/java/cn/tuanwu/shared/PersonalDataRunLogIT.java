package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: the log of the whole unit and Spring test run (every event of Surefire's JVM, written by
 * {@code logback-test.xml} to the file the pom names per build) holds no resident ID number and no mobile
 * phone number. {@link PersonalDataLogTest} checks names as well, for one whole cycle whose people it
 * knows; here the people are every test's, so the log is searched for what any ID number or phone looks
 * like: 18 characters with a valid region, birth date and check character, and 11 digits starting 13–19
 * (after {@code +86} or not), neither inside a longer run of digits or letters. Runs after Surefire, in
 * {@code ./mvnw verify} (Failsafe).
 */
class PersonalDataRunLogIT {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])(?:\\+?86)?(1[3-9]\\d{9})(?![0-9A-Za-z])");

    @Test
    void theWholeTestRunLogsNoIdNumberAndNoPhone() throws IOException {
        String property = System.getProperty("tuanwu.test.surefireLog", "");
        Path runLog = Path.of(property);
        Assumptions.assumeTrue(!property.isBlank() && Files.isRegularFile(runLog),
                "Surefire ran no test in this build (e.g. -Dtest=none), so there is no run log at " + property);
        String log = Files.readString(runLog, StandardCharsets.UTF_8);

        assertThat(log).as("the run log holds the Spring tests' application log (%s)", runLog).contains("Started ");
        assertThat(personalData(log)).as("ID numbers or phones (masked here) in %s", runLog).isEmpty();
    }

    @Test
    void theSearchFindsAnIdNumberAndAPhoneWhereverTheyStand() {
        String id = "11010519491231002X";
        String log = "INFO a row " + id + " and 13812345678.\nupload=" + id.toLowerCase() + ";tel:+8613912345678\n"
                + "member 123 of 310101********1234 138****5678, job 20261204190222708, 1381234567890, "
                + id.substring(0, 17) + "1";
        assertThat(personalData(log)).containsExactly("110105********002X", "110105********002X", "138****5678",
                "139****5678");
    }

    /** Every ID number found, then every phone, masked as the API masks them, so that the failure shows no one. */
    static List<String> personalData(String log) {
        List<String> found = new ArrayList<>();
        LocalDate today = LocalDate.now();
        Matcher ids = ID_NUMBER.matcher(log);
        while (ids.find()) {
            if (IdNumber.check(ids.group(), today) instanceof IdNumberCheck.Valid valid) {
                found.add(valid.idNumber().masked());
            }
        }
        Matcher phones = PHONE.matcher(log);
        while (phones.find()) {
            String phone = phones.group(1);
            found.add(phone.substring(0, 3) + "****" + phone.substring(7));
        }
        return found;
    }
}

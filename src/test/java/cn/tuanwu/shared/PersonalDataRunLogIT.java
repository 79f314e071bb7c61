package cn.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.member.Phones;
import cn.tuanwu.support.RunNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: the log of the whole unit and Spring test run (every event of Surefire's JVM, written by
 * {@code logback-test.xml} to the file the pom names per build) holds no member's name, resident ID number
 * or mobile phone number. {@link PersonalDataLogTest} checks one whole cycle whose people it knows; here
 * the people are every test's: the log is searched for what any ID number or phone looks like (18
 * characters with a valid region, birth date and check character; 11 digits starting 13–19, after
 * {@code +86} or not; neither inside a longer run of digits or letters) and for every name in the test
 * databases' registers and staged rows ({@link RunNames}, written as the contexts closed). Runs after
 * Surefire, in {@code ./mvnw verify} (Failsafe).
 */
class PersonalDataRunLogIT {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])(?:\\+?86)?(1[3-9]\\d{9})(?![0-9A-Za-z])");

    @Test
    void theWholeTestRunLogsNoNameIdNumberOrPhone() throws IOException {
        String property = System.getProperty("tuanwu.test.surefireLog", "");
        Path runLog = Path.of(property);
        Assumptions.assumeTrue(!property.isBlank() && Files.isRegularFile(runLog),
                "Surefire ran no test in this build (e.g. -Dtest=none), so there is no run log at " + property);
        String log = Files.readString(runLog, StandardCharsets.UTF_8);

        assertThat(log).as("the run log holds the Spring tests' application log (%s)", runLog).contains("Started ");
        assertThat(personalData(log)).as("ID numbers or phones (masked here) in %s", runLog).isEmpty();

        Path namesFile = RunNames.besideRunLog(runLog);
        assertThat(namesFile).as("the names of the run's members, written as its test contexts closed").isRegularFile();
        List<String> names = Files.readAllLines(namesFile, StandardCharsets.UTF_8);
        assertThat(names).as("names in %s", namesFile).isNotEmpty();
        assertThat(namesIn(log, names)).as("members' names (masked here) in %s", runLog).isEmpty();
    }

    @Test
    void theSearchFindsEveryNameItIsGiven() {
        String log = "INFO upload 1 staged\nWARN 张三 李四丰 in row 7; 阿依古丽·买买提 and again 张三";
        assertThat(namesIn(log, List.of("张三", "李四丰", "阿依古丽·买买提", "王五", "", "张")))
                .containsExactly("张*", "李**", "阿*******");
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
            found.add(Phones.mask(phones.group(1)));
        }
        return found;
    }

    /**
     * The names (two characters or more) that occur in the log, each once, masked. One pass over the
     * log, looking at the names that start with each character it meets.
     */
    static List<String> namesIn(String log, List<String> names) {
        Map<Character, List<String>> byFirstCharacter = names.stream().filter(name -> name.length() >= 2).distinct()
                .collect(Collectors.groupingBy(name -> name.charAt(0)));
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < log.length(); i++) {
            for (String name : byFirstCharacter.getOrDefault(log.charAt(i), List.of())) {
                if (log.startsWith(name, i)) {
                    found.add(name.charAt(0) + "*".repeat(name.length() - 1));
                }
            }
        }
        return List.copyOf(found);
    }
}

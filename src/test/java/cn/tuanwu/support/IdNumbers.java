package cn.tuanwu.support;

import cn.tuanwu.shared.IdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Valid ID numbers for tests, unique within a run. */
public final class IdNumbers {

    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private IdNumbers() {
    }

    public static String of(String region, LocalDate birthDate, int sequence) {
        String body = region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence % 1000);
        return body + IdNumber.checkCharacter(body);
    }

    /** A fresh valid number for someone born on {@code birthDate} (Shanghai region codes, varied). */
    public static String next(LocalDate birthDate) {
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String number = of(String.format("3101%02d", 1 + random.nextInt(99)), birthDate, random.nextInt(1000));
            if (ISSUED.add(number)) {
                return number;
            }
        }
    }
}

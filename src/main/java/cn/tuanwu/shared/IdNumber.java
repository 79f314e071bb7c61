package cn.tuanwu.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A valid 18-digit resident ID number (公民身份号码, GB 11643).
 *
 * <p>Only {@link #check} makes one, so every instance has a valid region, birth date and check
 * character. {@link #toString()} masks it, so that an instance in a log line or an exception
 * message never shows the whole number; {@link #value()} is for the register and nothing else.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Normalises and validates what a person typed: spaces removed, full-width digits and X folded,
     * lower-case x upper-cased. The birth date must not be after {@code today}.
     */
    public static IdNumberCheck check(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String text = normalise(raw);
        if (text.length() != 18) {
            return new IdNumberCheck.Invalid(IdNumberError.E_ID_LENGTH);
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return new IdNumberCheck.Invalid(IdNumberError.E_ID_CHARS);
            }
        }
        char last = text.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return new IdNumberCheck.Invalid(IdNumberError.E_ID_CHARS);
        }
        if (!isProvince(digits(text, 0, 2))) {
            return new IdNumberCheck.Invalid(IdNumberError.E_ID_REGION);
        }
        LocalDate birthDate = birthDate(text);
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(today)) {
            return new IdNumberCheck.Invalid(IdNumberError.E_ID_BIRTHDATE);
        }
        if (checkCharacter(text) != last) {
            return new IdNumberCheck.Invalid(IdNumberError.E_ID_CHECKSUM);
        }
        return new IdNumberCheck.Valid(new IdNumber(text, birthDate));
    }

    /** For numbers read back from the register, which only ever holds valid ones. */
    public static IdNumber trusted(String stored) {
        return new IdNumber(stored, birthDate(stored));
    }

    /** The check character (ISO 7064 MOD 11-2) for the first 17 digits of {@code text}. */
    public static char checkCharacter(CharSequence text) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (text.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        if (isPlain(raw)) {
            // Nearly every cell: 17 ASCII digits and a digit or X, nothing to remove or fold.
            return raw;
        }
        StringBuilder out = new StringBuilder(18);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == 'x' || c == 'ｘ' || c == 'Ｘ') {
                c = 'X';
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isPlain(String raw) {
        if (raw.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(raw.charAt(i))) {
                return false;
            }
        }
        char last = raw.charAt(17);
        return isAsciiDigit(last) || last == 'X';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isProvince(int code) {
        return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37)
                || (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65)
                || code == 71 || code == 81 || code == 82 || code == 83;
    }

    private static LocalDate birthDate(String text) {
        try {
            return LocalDate.of(digits(text, 6, 10), digits(text, 10, 12), digits(text, 12, 14));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the ASCII digits from {@code from} to {@code to} (exclusive) spell. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isAsciiDigit(c)) {
                throw new NumberFormatException("not a digit at " + i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The full number, for storing in and looking up from the register only. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The 17th digit: odd for men, even for women. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** Age in whole years on {@code day}; a 29 February birthday is reached on 1 March in other years. */
    public int ageOn(LocalDate day) {
        return Ages.ageOn(birthDate, day);
    }

    /** {@code 310101********1234}: six digits, eight stars, the last four characters. */
    public String masked() {
        return mask(value);
    }

    /** Masks any stored ID number the way {@link #masked()} does. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return "******";
        }
        return idNumber.substring(0, 6) + "********" + idNumber.substring(idNumber.length() - 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: an ID number must never reach a log line whole. */
    @Override
    public String toString() {
        return masked();
    }
}

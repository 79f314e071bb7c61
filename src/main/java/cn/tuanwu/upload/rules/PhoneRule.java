package cn.tuanwu.upload.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/** 手机号码 (E_PHONE): a mainland mobile number, however people punctuate it. */
final class PhoneRule {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");

    private PhoneRule() {
    }

    /** The 11 digits of a folded phone cell, or empty when it is no mainland mobile number. */
    static Optional<String> normalise(String folded) {
        String digits = SEPARATORS.matcher(folded).replaceAll("");
        // The country code goes only when it leaves exactly 11 digits, so that a number with a digit
        // too many is reported rather than cut into some other, valid-looking number.
        if (digits.startsWith("+86") && digits.length() == 14) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}

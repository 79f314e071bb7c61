package cn.tuanwu.upload.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/** 姓名 (E_NAME_FORMAT): a Chinese name, parts joined by {@code ·}, or a Latin name. */
final class NameRule {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 30;

    // CJK Unified Ideographs and extension A, as GB 18030 names use them.
    private static final String HAN = "[\\u4E00-\\u9FFF\\u3400-\\u4DBF]+";
    private static final Pattern CHINESE = Pattern.compile(HAN + "(·" + HAN + ")*");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]+( [A-Za-z]+)*");
    private static final Pattern ANY_HAN = Pattern.compile("[\\u4E00-\\u9FFF\\u3400-\\u4DBF]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    // What input methods and fonts put between the parts of 阿依古丽·买买提: bullet, katakana
    // middle dots, hyphenation point and, after Text.fold, the full stop from "．".
    private static final String DOT_LIKE = "[•・･‧.·]";

    private NameRule() {
    }

    /** The stored form of a folded name, or empty when it breaks the rule. */
    static Optional<String> normalise(String folded) {
        String name;
        if (ANY_HAN.matcher(folded).find()) {
            // Spreadsheets pad two-character names ("张  三") to line up with three-character ones.
            name = WHITESPACE.matcher(folded).replaceAll("").replaceAll(DOT_LIKE, "·");
            if (!CHINESE.matcher(name).matches()) {
                return Optional.empty();
            }
        } else {
            name = WHITESPACE.matcher(folded).replaceAll(" ");
            if (!LATIN.matcher(name).matches()) {
                return Optional.empty();
            }
        }
        int length = Text.length(name);
        return length >= MIN_LENGTH && length <= MAX_LENGTH ? Optional.of(name) : Optional.empty();
    }
}

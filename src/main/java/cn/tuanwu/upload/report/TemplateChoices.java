package cn.tuanwu.upload.report;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.Ethnicities;
import cn.tuanwu.member.Labelled;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.shared.Gender;
import cn.tuanwu.upload.rules.Column;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The values the template's drop-down lists offer: the standard's canonical labels, taken from the
 * same types the rules use so that the lists can never drift from what an upload accepts.
 */
final class TemplateChoices {

    private TemplateChoices() {
    }

    /** The drop-down values of {@code column}, or empty for a free-text column. */
    static Optional<List<String>> of(Column column) {
        return switch (column) {
            case GENDER -> Optional.of(Arrays.stream(Gender.values()).map(Gender::label).toList());
            case ETHNICITY -> Optional.of(Ethnicities.ALL);
            case POLITICAL_STATUS -> Optional.of(labels(PoliticalStatus.values()));
            case EDUCATION -> Optional.of(labels(Education.values()));
            case CATEGORY -> Optional.of(labels(MemberCategory.values()));
            case ENTRY_TYPE -> Optional.of(labels(EntryType.values()));
            case NAME, ID_NUMBER, JOINED_LEAGUE, PHONE, ORG_CODE, POST -> Optional.empty();
        };
    }

    static List<String> labels(Labelled[] values) {
        return Arrays.stream(values).map(Labelled::label).toList();
    }

    /**
     * "从下拉列表选择：…。从其他表格粘贴的 … 也能识别。": the drop-down refuses typed aliases, but
     * uploads accept them, and pasting bypasses the drop-down.
     */
    static String describe(Labelled[] values) {
        List<String> aliases = Arrays.stream(values).flatMap(value -> value.aliases().stream()).toList();
        return "从下拉列表选择：" + String.join("、", labels(values)) + "。"
                + (aliases.isEmpty() ? "" : "从其他表格粘贴的 " + String.join("、", aliases) + " 也能识别。");
    }
}

package cn.tuanwu.report;

import java.util.Map;

/** The Chinese words the progress spreadsheet shows for a supervision's state and outcome. */
final class SupervisionLabels {

    private static final Map<String, String> STATES = Map.of(
            "NOT_OPEN", "未开始",
            "OPEN", "报送中",
            "ESCALATED", "督办中",
            "DONE", "已结束");

    private static final Map<String, String> OUTCOMES = Map.of(
            "ON_TIME", "按时完成",
            "REMEDIATED", "整改后完成",
            "ESCALATED_TO_CITY", "团市委督办");

    private SupervisionLabels() {
    }

    static String state(String state) {
        return label(STATES, state);
    }

    static String outcome(String outcome) {
        return label(OUTCOMES, outcome);
    }

    /** An unknown value shows as itself rather than disappearing. */
    private static String label(Map<String, String> labels, String value) {
        return value == null ? "" : labels.getOrDefault(value, value);
    }
}

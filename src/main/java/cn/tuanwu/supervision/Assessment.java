package cn.tuanwu.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code completion-assessment} said about an organisation's figures: the verdict and every reason
 * (codes with their Chinese labels). The table collects one row per reason, or the single ON_TRACK row.
 */
record Assessment(Verdict verdict, List<Reason> reasons) {

    static final String DECISION = "completion-assessment";

    Assessment {
        reasons = List.copyOf(reasons);
    }

    /** From the decision's rows ({@code verdict}, {@code reason}, {@code reasonLabel}); no row is a broken table. */
    static Assessment of(List<Map<String, Object>> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalStateException(DECISION + " matched no rule: the deployed table is incomplete");
        }
        List<Reason> reasons = new ArrayList<>();
        Verdict verdict = Verdict.ON_TRACK;
        for (Map<String, Object> row : rows) {
            if (Verdict.valueOf((String) row.get("verdict")) == Verdict.ESCALATE) {
                verdict = Verdict.ESCALATE;
                reasons.add(new Reason((String) row.get("reason"), (String) row.get("reasonLabel")));
            }
        }
        return new Assessment(verdict, reasons);
    }

    /** As an earlier step stored it in the process: the verdict, the codes and the labels, each joined. */
    static Assessment stored(String verdict, String codes, String labels) {
        List<Reason> reasons = new ArrayList<>();
        if (codes != null && !codes.isEmpty()) {
            String[] code = codes.split(",");
            String[] label = labels == null ? new String[0] : labels.split("；");
            for (int i = 0; i < code.length; i++) {
                reasons.add(new Reason(code[i], i < label.length ? label[i] : code[i]));
            }
        }
        return new Assessment(Verdict.valueOf(verdict), reasons);
    }

    boolean has(String reasonCode) {
        return reasons.stream().anyMatch(reason -> reason.code().equals(reasonCode));
    }

    /** The reason codes, comma-separated: what the supervision row and the process keep. */
    String codes() {
        return reasons.stream().map(Reason::code).collect(Collectors.joining(","));
    }

    /** The reasons in Chinese, for forms and notifications. */
    String labels() {
        return reasons.stream().map(Reason::label).collect(Collectors.joining("；"));
    }

    enum Verdict { ON_TRACK, ESCALATE }

    /** A reason code of the table and its label. */
    record Reason(String code, String label) {
        static final String NOTHING_SUBMITTED = "NOTHING_SUBMITTED";
        static final String LOW_REGISTRATION_RATE = "LOW_REGISTRATION_RATE";
    }
}

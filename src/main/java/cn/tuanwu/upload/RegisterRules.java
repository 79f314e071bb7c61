package cn.tuanwu.upload;

import cn.tuanwu.member.MemberStatus;
import cn.tuanwu.member.RegisteredMember;
import cn.tuanwu.upload.rules.Column;
import cn.tuanwu.upload.rules.MemberFields;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a valid row against the register (data-standard.md, "Rules across a row, the file and
 * the register"). Pure: the caller looks the members up, in batches.
 */
final class RegisterRules {

    private RegisterRules() {
    }

    /** The outcome and what changes, or the rule it breaks. */
    record Decision(RowOutcome outcome, List<String> changedFields, String errorCode, String errorMessage) {

        static Decision of(RowOutcome outcome) {
            return new Decision(outcome, List.of(), null, null);
        }

        static Decision rejected(String code, String message) {
            return new Decision(RowOutcome.REJECTED, List.of(), code, message);
        }
    }

    static Decision decide(MemberFields row, RegisteredMember existing, Set<String> uploaderSubtree) {
        if (existing == null) {
            return Decision.of(RowOutcome.NEW);
        }
        if (!existing.name().equals(row.name())) {
            return Decision.rejected("E_NAME_MISMATCH", "「姓名」与登记库中该身份证号的姓名不一致：上传不能修改姓名或身份证号，"
                    + "请核对；确需更正的，请联系团市委");
        }
        if (existing.status() == MemberStatus.TRANSFERRED_OUT) {
            return Decision.of(RowOutcome.REACTIVATED);
        }
        if (!uploaderSubtree.contains(existing.orgCode())) {
            return Decision.rejected("E_BELONGS_TO_OTHER_ORG", "该团员目前在团组织「" + existing.orgCode()
                    + "」，不在本组织范围内：请先由该组织办理转出，再上传");
        }
        List<String> changed = changedFields(row, existing);
        return changed.isEmpty() ? Decision.of(RowOutcome.UNCHANGED) : new Decision(RowOutcome.UPDATED, changed, null, null);
    }

    /** The details an adjustment may change; name, ID number, entry type and registration never change. */
    static List<String> changedFields(MemberFields row, RegisteredMember existing) {
        List<String> changed = new ArrayList<>();
        compare(changed, Column.ETHNICITY, row.ethnicity(), existing.ethnicity());
        compare(changed, Column.POLITICAL_STATUS, row.politicalStatus(), existing.politicalStatus());
        compare(changed, Column.EDUCATION, row.education(), existing.education());
        compare(changed, Column.JOINED_LEAGUE, row.joinedLeague(), YearMonth.from(existing.joinedLeague()));
        compare(changed, Column.PHONE, row.phone(), existing.phone());
        compare(changed, Column.ORG_CODE, row.orgCode(), existing.orgCode());
        compare(changed, Column.CATEGORY, row.category(), existing.category());
        compare(changed, Column.POST, blankToNull(row.post()), blankToNull(existing.post()));
        return changed;
    }

    private static void compare(List<String> changed, Column column, Object uploaded, Object stored) {
        if (!Objects.equals(uploaded, stored)) {
            changed.add(column.header());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

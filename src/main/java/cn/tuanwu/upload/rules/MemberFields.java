package cn.tuanwu.upload.rules;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.shared.Gender;
import cn.tuanwu.shared.IdNumber;
import java.time.YearMonth;

/**
 * The normalised values of a row that breaks no rule: defaults applied (category 团员, entry type
 * 补录, gender from the ID), the name's dots folded to {@code ·}, the phone as 11 digits.
 *
 * @param post the 团内职务, or null when the row has none
 */
public record MemberFields(IdNumber idNumber, String name, Gender gender, String ethnicity,
                           PoliticalStatus politicalStatus, Education education, YearMonth joinedLeague,
                           String phone, String orgCode, MemberCategory category, String post,
                           EntryType entryType) {

    /** The ID masked, and never the name or the phone: rows end up in logs and exception messages. */
    @Override
    public String toString() {
        return "MemberFields[idNumber=" + idNumber + ", gender=" + gender + ", ethnicity=" + ethnicity
                + ", politicalStatus=" + politicalStatus + ", education=" + education
                + ", joinedLeague=" + joinedLeague + ", orgCode=" + orgCode + ", category=" + category
                + ", entryType=" + entryType + "]";
    }
}

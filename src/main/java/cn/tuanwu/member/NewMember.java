package cn.tuanwu.member;

import cn.tuanwu.shared.IdNumber;
import java.time.Instant;
import java.time.YearMonth;

/** A member to add to the register, already checked against the data standard. */
public record NewMember(IdNumber idNumber, String name, String ethnicity, PoliticalStatus politicalStatus,
        Education education, YearMonth joinedLeague, String phone, String orgCode, MemberCategory category, String post,
        EntryType entryType, Instant registeredAt) {

    /** Masked ID and no name: this record may end up in a log line. */
    @Override
    public String toString() {
        return "NewMember[" + idNumber + " in " + orgCode + "]";
    }
}

package cn.tuanwu.member;

import java.time.LocalDate;

/** A member as the upload rules compare against it. */
public record RegisteredMember(long id, String idNumber, String name, MemberStatus status, String orgCode,
        String ethnicity, PoliticalStatus politicalStatus, Education education, LocalDate joinedLeague, String phone,
        MemberCategory category, String post, EntryType entryType) {

    @Override
    public String toString() {
        return "RegisteredMember[id=" + id + ", org=" + orgCode + ", " + status + "]";
    }
}

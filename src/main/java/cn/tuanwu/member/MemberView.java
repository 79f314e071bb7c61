package cn.tuanwu.member;

import cn.tuanwu.shared.Gender;
import java.time.Instant;
import java.time.LocalDate;

/** A member as read from the register, whole: only {@link MemberJson} leaves the server, masked. */
record MemberView(Long id, String name, String idNumber, Gender gender, String ethnicity,
        PoliticalStatus politicalStatus, Education education, LocalDate joinedLeague, String phone, String orgCode,
        MemberCategory category, String post, EntryType entryType, MemberStatus status, TransferReason transferReason,
        Instant transferredOutAt, boolean registered, Instant registeredAt, Instant updatedAt, LocalDate birthDate) {

    @Override
    public String toString() {
        return "MemberView[id=" + id + ", org=" + orgCode + "]";
    }
}

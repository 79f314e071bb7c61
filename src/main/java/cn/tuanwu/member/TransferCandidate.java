package cn.tuanwu.member;

import java.time.LocalDate;

/** What a transfer-out needs to decide whether a member may go: no name, the ID number masked. */
public record TransferCandidate(long id, String idNumberMasked, MemberStatus status, String orgCode,
        LocalDate birthDate, MemberCategory category) {
}

package cn.tuanwu.member;

import cn.tuanwu.shared.Ages;
import cn.tuanwu.shared.IdNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A member as the API shows it: ID number and phone masked, the data standard's Chinese labels. The
 * age (whole years today) and {@code overAge} (a 团员 of 28 or more, what {@code ?overAge=true} finds and an
 * {@code OVER_AGE} transfer-out accepts) let a page show who is due to leave without the birth date.
 */
public record MemberJson(Long id, String name, String idNumberMasked, String gender, String ethnicity, String politicalStatus,
        String education, String joinedLeague, String phoneMasked, String orgCode, String category, String post,
        String entryType, MemberStatus status, TransferReason transferReason, Instant transferredOutAt,
        boolean registered, Instant registeredAt, Instant updatedAt, int age, boolean overAge) {

    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    static MemberJson of(MemberView member, LocalDate today) {
        boolean overAge = member.category() == MemberCategory.LEAGUE_MEMBER
                && !member.birthDate().isAfter(Ages.overAgeBornOnOrBefore(today));
        return new MemberJson(member.id(), member.name(), IdNumber.mask(member.idNumber()), member.gender().label(),
                member.ethnicity(), member.politicalStatus().label(), member.education().label(),
                member.joinedLeague().format(YEAR_MONTH), Phones.mask(member.phone()), member.orgCode(),
                member.category().label(), member.post(), member.entryType().label(), member.status(),
                member.transferReason(), member.transferredOutAt(), member.registered(), member.registeredAt(),
                member.updatedAt(), Ages.ageOn(member.birthDate(), today), overAge);
    }
}

package cn.tuanwu.upload;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.Education;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.MemberStatus;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.member.RegisteredMember;
import cn.tuanwu.shared.Gender;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.upload.rules.MemberFields;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisterRulesTest {

    private static final IdNumber ID = IdNumber.trusted("110105200102030014");
    private static final Set<String> SUBTREE = Set.of("HP", "HP01", "HP0101");

    private static MemberFields row(String name, String orgCode, String phone) {
        return new MemberFields(ID, name, Gender.MALE, "汉族", PoliticalStatus.LEAGUE_MEMBER, Education.BACHELOR,
                YearMonth.of(2016, 5), phone, orgCode, MemberCategory.LEAGUE_MEMBER, null, EntryType.SUPPLEMENT);
    }

    private static RegisteredMember stored(String name, MemberStatus status, String orgCode) {
        return new RegisteredMember(7, ID.value(), name, status, orgCode, "汉族", PoliticalStatus.LEAGUE_MEMBER,
                Education.BACHELOR, LocalDate.of(2016, 5, 1), "13812345678", MemberCategory.LEAGUE_MEMBER, null,
                EntryType.NEW_STUDENT);
    }

    @Test
    void someoneNotInTheRegisterIsNew() {
        assertThat(RegisterRules.decide(row("张三", "HP0101", "13812345678"), null, SUBTREE).outcome())
                .isEqualTo(RowOutcome.NEW);
    }

    @Test
    void nothingDifferentIsUnchangedAndTheEntryTypeIsNotADifference() {
        RegisterRules.Decision decision = RegisterRules.decide(row("张三", "HP0101", "13812345678"),
                stored("张三", MemberStatus.ACTIVE, "HP0101"), SUBTREE);
        assertThat(decision.outcome()).isEqualTo(RowOutcome.UNCHANGED);
    }

    @Test
    void changedDetailsAreListedAndTheOrganisationMayMoveWithinTheScope() {
        RegisterRules.Decision decision = RegisterRules.decide(row("张三", "HP01", "13900000000"),
                stored("张三", MemberStatus.ACTIVE, "HP0101"), SUBTREE);
        assertThat(decision.outcome()).isEqualTo(RowOutcome.UPDATED);
        assertThat(decision.changedFields()).containsExactly("手机号码", "所在团组织编码");
    }

    @Test
    void aDifferentNameIsRefusedWhateverElse() {
        RegisterRules.Decision decision = RegisterRules.decide(row("张四", "HP0101", "13812345678"),
                stored("张三", MemberStatus.TRANSFERRED_OUT, "XH01"), SUBTREE);
        assertThat(decision.outcome()).isEqualTo(RowOutcome.REJECTED);
        assertThat(decision.errorCode()).isEqualTo("E_NAME_MISMATCH");
        assertThat(decision.errorMessage()).doesNotContain("张三").doesNotContain("张四");
    }

    @Test
    void anActiveMemberOfAnotherOrganisationMustBeTransferredOutFirst() {
        RegisterRules.Decision decision = RegisterRules.decide(row("张三", "HP0101", "13812345678"),
                stored("张三", MemberStatus.ACTIVE, "XH01"), SUBTREE);
        assertThat(decision.errorCode()).isEqualTo("E_BELONGS_TO_OTHER_ORG");
        assertThat(decision.errorMessage()).contains("XH01");
    }

    @Test
    void aTransferredOutMemberIsReactivatedEvenFromElsewhere() {
        assertThat(RegisterRules.decide(row("张三", "HP0101", "13812345678"),
                stored("张三", MemberStatus.TRANSFERRED_OUT, "XH01"), SUBTREE).outcome()).isEqualTo(RowOutcome.REACTIVATED);
    }
}

package cn.tuanwu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.NewMember;
import cn.tuanwu.organisation.Category;
import cn.tuanwu.organisation.Organisations.NewOrganisation;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.shared.IdNumberCheck;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoPeopleTest {

    private static final LocalDate TODAY = LocalDate.of(2017, 8, 15);

    @Test
    void theTreeHasEveryCategoryTwiceOrMoreAndParentsBeforeChildren() {
        List<NewOrganisation> tree = DemoTree.organisations("TSW");
        assertThat(tree).hasSize(18 + 72 + 360);
        Map<Category, Long> categories = tree.stream().filter(o -> o.category() != null)
                .collect(Collectors.groupingBy(NewOrganisation::category, Collectors.counting()));
        assertThat(categories).hasSize(6).allSatisfy((category, count) -> assertThat(count).isGreaterThanOrEqualTo(2));
        Set<String> seen = new HashSet<>(Set.of("TSW"));
        for (NewOrganisation organisation : tree) {
            assertThat(seen).as(organisation.code()).contains(organisation.parentCode());
            assertThat(seen.add(organisation.code())).as("unique " + organisation.code()).isTrue();
        }
        assertThat(tree.stream().map(NewOrganisation::code)).containsAll(DemoTree.branchCodes());
    }

    @Test
    void peopleAreValidUniqueAndVaried() {
        List<NewMember> members = new DemoPeople(1, TODAY, ZoneId.of("Asia/Shanghai")).members(3000, DemoTree.branchCodes());
        assertThat(members.stream().map(member -> member.idNumber().value()).distinct()).hasSize(3000);
        for (NewMember member : members) {
            assertThat(IdNumber.check(member.idNumber().value(), TODAY)).isInstanceOf(IdNumberCheck.Valid.class);
            assertThat(member.phone()).matches("1[3-9]\\d{9}");
            assertThat(member.joinedLeague().atDay(1)).isAfterOrEqualTo(member.idNumber().birthDate().plusYears(14).withDayOfMonth(1));
            assertThat(member.category() == MemberCategory.LEAGUE_CADRE).isEqualTo(member.post() != null);
        }
        long overAge = members.stream()
                .filter(m -> m.category() == MemberCategory.LEAGUE_MEMBER && m.idNumber().ageOn(TODAY) >= 28).count();
        long registered = members.stream().filter(m -> m.registeredAt() != null).count();
        assertThat(overAge).as("some over age").isBetween(100L, 600L);
        assertThat(registered).as("about two thirds registered").isBetween(1700L, 2300L);
    }

    @Test
    void theSameSeedGivesTheSamePeople() {
        List<NewMember> first = new DemoPeople(7, TODAY, ZoneId.of("Asia/Shanghai")).members(50, List.of("A"));
        List<NewMember> second = new DemoPeople(7, TODAY, ZoneId.of("Asia/Shanghai")).members(50, List.of("A"));
        assertThat(first.stream().map(m -> m.idNumber().value()).toList())
                .isEqualTo(second.stream().map(m -> m.idNumber().value()).toList());
    }
}

package cn.tuanwu.support;

import cn.tuanwu.identity.Accounts;
import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.Education;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.member.NewMember;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.organisation.Category;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.organisation.Organisations.NewOrganisation;
import cn.tuanwu.shared.IdNumber;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/**
 * Builds what a test needs through the application's own services. Every code and user id is new,
 * so tests sharing one database never see each other's data.
 */
@TestComponent
public class TestFixtures {

    private final Organisations organisations;
    private final Accounts accounts;
    private final MemberRegister members;

    TestFixtures(Organisations organisations, Accounts accounts, MemberRegister members) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.members = members;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public String cityCode() {
        return organisations.cityCommittee().orElseThrow().code();
    }

    /** Two districts, the first with a street committee and a branch below it. */
    public Tree tree() {
        String districtA = unique("DA");
        String districtB = unique("DB");
        organisations.create(List.of(
                new NewOrganisation(districtA, "测试甲区团委", cityCode(), Category.DISTRICT, "a@example.org"),
                new NewOrganisation(districtA + "01", "测试甲区某街道团工委", districtA, null, null),
                new NewOrganisation(districtA + "0101", "测试甲区某街道第一团支部", districtA + "01", null, null),
                new NewOrganisation(districtB, "测试乙区团委", cityCode(), Category.DISTRICT, null)));
        return new Tree(districtA, districtA + "01", districtA + "0101", districtB);
    }

    /** A personal account (the password satisfies the policy) in the given groups. */
    public Api.Login user(String... groups) {
        String userId = unique("u").toLowerCase(Locale.ROOT);
        // The policy also refuses a password that contains the user id.
        String password = "Pw-" + UUID.randomUUID().toString().substring(0, 8) + "-9aZ!";
        accounts.createUser(new Accounts.NewAccount(userId, "测", "试", null, password, List.of(groups)));
        return new Api.Login(userId, password);
    }

    public Api.Login adminOf(String orgCode) {
        return user(Groups.adminsOf(orgCode));
    }

    public Api.Login supervisor() {
        return user(Groups.CITY_SUPERVISORS);
    }

    /** Adds an active 团员 born on {@code birthDate}; returns the full ID number. */
    public String member(String orgCode, LocalDate birthDate, MemberCategory category) {
        return member(orgCode, "测试成员", birthDate, category);
    }

    /** Adds an active member with this name, for tests that find members by name as people do. */
    public String member(String orgCode, String name, LocalDate birthDate, MemberCategory category) {
        String idNumber = IdNumbers.next(birthDate);
        String phone = "139" + String.format("%08d", Math.floorMod(idNumber.hashCode(), 100_000_000));
        members.addAll(List.of(new NewMember(IdNumber.trusted(idNumber), name, "汉族", PoliticalStatus.LEAGUE_MEMBER,
                Education.BACHELOR, YearMonth.from(birthDate.plusYears(15)), phone, orgCode, category,
                category == MemberCategory.LEAGUE_CADRE ? "团支部书记" : null, EntryType.SUPPLEMENT, null)));
        return idNumber;
    }

    public String member(String orgCode) {
        return member(orgCode, LocalDate.of(2000, 5, 17), MemberCategory.LEAGUE_MEMBER);
    }

    /** Codes of a small tree: district A → street → branch, and district B beside it. */
    public record Tree(String districtA, String streetA, String branchA, String districtB) {
    }
}

package cn.tuanwu.demo;

import cn.tuanwu.member.Education;
import cn.tuanwu.member.EntryType;
import cn.tuanwu.member.MemberCategory;
import cn.tuanwu.member.NewMember;
import cn.tuanwu.member.PoliticalStatus;
import cn.tuanwu.shared.IdNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up members with valid ID numbers, reproducible from a seed: ages 15 to 30 (so some are
 * over age), a tenth 团干部, about two thirds registered.
 */
final class DemoPeople {

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严")
            .split("");
    private static final String[] GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建宇晨浩然欣怡梓涵子轩雨桐思远嘉怡俊杰佳琪一鸣")
            .split("");
    private static final String[] MINORITY_NAMES = {"阿依古丽·买买提", "热依拉·艾力", "扎西·顿珠", "巴特尔·其木格"};
    private static final String[] MINORITY_ETHNICITIES = {"维吾尔族", "维吾尔族", "藏族", "蒙古族"};
    private static final String[] OTHER_ETHNICITIES = {"回族", "满族", "壮族", "土家族", "朝鲜族", "苗族"};
    private static final String[] REGIONS = {"310101", "310104", "310105", "310106", "310107", "310109", "310110",
            "310112", "310113", "310115", "310120", "320102", "330106", "340104", "360102", "370102", "410105",
            "420106", "430104", "510104", "650102"};
    private static final String[] POSTS = {"团支部书记", "组织委员", "宣传委员", "团委副书记"};

    private final Random random;
    private final LocalDate today;
    private final ZoneId zone;
    private final Set<String> usedIds = new HashSet<>();

    DemoPeople(long seed, LocalDate today, ZoneId zone) {
        this.random = new Random(seed);
        this.today = today;
        this.zone = zone;
    }

    List<NewMember> members(int count, List<String> branchCodes) {
        List<NewMember> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(member(branchCodes.get(i % branchCodes.size())));
        }
        return members;
    }

    private NewMember member(String orgCode) {
        LocalDate birthDate = today.minusDays(15L * 365 + random.nextInt(15 * 365));
        IdNumber idNumber = uniqueIdNumber(birthDate);
        boolean cadre = random.nextInt(10) == 0;
        String name;
        String ethnicity;
        int pick = random.nextInt(100);
        if (pick < 2) {
            int index = random.nextInt(MINORITY_NAMES.length);
            name = MINORITY_NAMES[index];
            ethnicity = MINORITY_ETHNICITIES[index];
        } else {
            name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
            ethnicity = pick < 8 ? OTHER_ETHNICITIES[random.nextInt(OTHER_ETHNICITIES.length)] : "汉族";
        }
        int age = idNumber.ageOn(today);
        LocalDate fourteenth = birthDate.plusYears(14);
        LocalDate latestJoin = birthDate.plusYears(Math.min(age, 20));
        long span = Math.max(1, latestJoin.toEpochDay() - fourteenth.toEpochDay());
        YearMonth joined = YearMonth.from(fourteenth.plusDays(random.nextLong(span)));
        Instant registeredAt = random.nextInt(3) < 2
                ? today.minusDays(1 + random.nextInt(300)).atTime(8 + random.nextInt(12), random.nextInt(60)).atZone(zone).toInstant()
                : null;
        return new NewMember(idNumber, name, ethnicity, politicalStatus(age), education(age), joined, phone(), orgCode,
                cadre ? MemberCategory.LEAGUE_CADRE : MemberCategory.LEAGUE_MEMBER,
                cadre ? POSTS[random.nextInt(POSTS.length)] : null, entryType(), registeredAt);
    }

    private IdNumber uniqueIdNumber(LocalDate birthDate) {
        while (true) {
            String region = REGIONS[random.nextInt(REGIONS.length)];
            String body = region + birthDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", random.nextInt(1000));
            String number = body + IdNumber.checkCharacter(body);
            if (usedIds.add(number)) {
                return IdNumber.trusted(number);
            }
        }
    }

    private PoliticalStatus politicalStatus(int age) {
        int pick = random.nextInt(100);
        if (age >= 18 && pick < 8) {
            return PoliticalStatus.PARTY_MEMBER;
        }
        return age >= 18 && pick < 12 ? PoliticalStatus.PROBATIONARY_PARTY_MEMBER : PoliticalStatus.LEAGUE_MEMBER;
    }

    private Education education(int age) {
        if (age < 16) {
            return Education.JUNIOR_HIGH;
        }
        if (age < 19) {
            return random.nextBoolean() ? Education.SENIOR_HIGH : Education.VOCATIONAL;
        }
        Education[] adult = {Education.JUNIOR_COLLEGE, Education.BACHELOR, Education.BACHELOR, Education.BACHELOR,
                Education.MASTER, Education.SENIOR_HIGH};
        Education education = adult[random.nextInt(adult.length)];
        return age >= 26 && random.nextInt(20) == 0 ? Education.DOCTOR : education;
    }

    private EntryType entryType() {
        int pick = random.nextInt(100);
        if (pick < 10) {
            return EntryType.NEW_STUDENT;
        }
        if (pick < 18) {
            return EntryType.NEW_EMPLOYEE;
        }
        if (pick < 24) {
            return EntryType.NEWLY_DEVELOPED;
        }
        return pick < 34 ? EntryType.TRANSFERRED_IN : EntryType.SUPPLEMENT;
    }

    private String phone() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }
}

package cn.tuanwu.demo;

import cn.tuanwu.identity.Accounts;
import cn.tuanwu.identity.Accounts.NewAccount;
import cn.tuanwu.identity.Groups;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.organisation.OrganisationInfo;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.StartupLock;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo at start, once: the organisation tree, members and the demo accounts (listed in
 * the README; their password is their user id, so they exist in the demo profile only).
 */
@Component
@Profile("demo")
@Order(100)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final long SEED = 2017_37L;

    private final Organisations organisations;
    private final MemberRegister members;
    private final Accounts accounts;
    private final StartupLock startupLock;
    private final Clock clock;
    private final int memberCount;

    DemoData(Organisations organisations, MemberRegister members, Accounts accounts, StartupLock startupLock,
            Clock clock, @Value("${tuanwu.demo.members:3000}") int memberCount) {
        this.organisations = organisations;
        this.members = members;
        this.accounts = accounts;
        this.startupLock = startupLock;
        this.clock = clock;
        this.memberCount = memberCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.runExclusively(this::seed);
    }

    void seed() {
        OrganisationInfo city = organisations.cityCommittee()
                .orElseThrow(() -> new IllegalStateException("The city committee must exist before the demo data"));
        if (organisations.find(DemoTree.topLevelCodes().get(0)).isEmpty()) {
            long started = System.nanoTime();
            organisations.create(DemoTree.organisations(city.code()));
            LocalDate today = LocalDate.now(clock);
            members.addAll(new DemoPeople(SEED, today, clock.getZone()).members(memberCount, DemoTree.branchCodes()));
            log.info("Demo data seeded: {} organisations and {} members in {} ms", DemoTree.organisations(city.code()).size(),
                    memberCount, (System.nanoTime() - started) / 1_000_000);
        }
        for (NewAccount account : accounts(city.code())) {
            accounts.createDemoUser(account);
        }
    }

    /** One account per role; see the README's table. */
    static List<NewAccount> accounts(String cityCode) {
        return List.of(
                account("demo", "演示", "管理员", Groups.CAMUNDA_ADMIN, Groups.CITY_SUPERVISORS),
                account("supervisor", "张", "伟", Groups.CITY_SUPERVISORS),
                account("city-reviewer", "王", "芳", Groups.reviewersOf(cityCode)),
                account("hp-admin", "李", "娜", Groups.adminsOf("HP")),
                account("hp-reviewer", "刘", "洋", Groups.reviewersOf("HP")),
                account("hp01-admin", "陈", "静", Groups.adminsOf("HP01")),
                account("fdu-admin", "杨", "帆", Groups.adminsOf("FDU")),
                account("fdu-reviewer", "赵", "磊", Groups.reviewersOf("FDU")),
                account("feed", "网上大报到", "接口", Groups.REGISTRATION_FEED));
    }

    private static NewAccount account(String userId, String firstName, String lastName, String... groups) {
        return new NewAccount(userId, firstName, lastName, userId + "@example.org", userId, List.of(groups));
    }
}

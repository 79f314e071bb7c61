package cn.tuanwu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Accounts;
import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.StartupLock;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TuanwuTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@TuanwuTest
class DemoDataTest {

    @LocalServerPort
    int port;
    @Autowired
    Organisations organisations;
    @Autowired
    MemberRegister members;
    @Autowired
    Accounts accounts;
    @Autowired
    StartupLock startupLock;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedingTwiceSeedsOnceAndTheDemoAccountsWork() {
        DemoData demo = new DemoData(organisations, members, accounts, startupLock, clock, 120);
        demo.run(null);
        long organisationsAfterFirst = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
        long membersAfterFirst = members.count();
        demo.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isEqualTo(organisationsAfterFirst);
        assertThat(members.count()).isEqualTo(membersAfterFirst);

        Api api = new Api(port);
        Api.Response roots = api.get("/api/orgs", new Api.Login("hp-admin", "hp-admin"));
        assertThat(roots.status()).isEqualTo(200);
        assertThat(roots.json().get(0).path("code").asText()).isEqualTo("HP");
        assertThat(api.get("/api/orgs/XH", new Api.Login("hp-admin", "hp-admin")).code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(api.get("/api/members?orgCode=FDU", new Api.Login("fdu-admin", "fdu-admin"))
                .json().path("totalElements").asLong()).isPositive();
        assertThat(api.get("/api/orgs", new Api.Login("demo", "demo")).json().get(0).path("level").asInt()).isZero();
    }
}

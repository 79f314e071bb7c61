package cn.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TuanwuTest
class ApiSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void everythingButHealthNeedsALogin() {
        TestFixtures.Tree tree = fixtures.tree();
        for (String path : new String[] {"/api/orgs/" + tree.districtA(), "/api/orgs", "/api/members",
                "/engine-rest/task", "/engine-rest/user", "/actuator/metrics", "/actuator/prometheus", "/api/admin/clock"}) {
            Api.Response response = api.get(path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.code()).as(path).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Api.Login login = fixtures.supervisor();
        Api.Response response = api.get("/api/orgs", new Api.Login(login.userId(), login.password() + "x"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/orgs", new Api.Login("nobody-" + login.userId(), "whatever")).status()).isEqualTo(401);
    }

    @Test
    void operationsEndpointsAreForAdministratorsOnly() {
        assertThat(api.get("/actuator/metrics", fixtures.supervisor()).status()).isEqualTo(403);
        Api.Login admin = fixtures.user(Groups.CAMUNDA_ADMIN);
        assertThat(api.get("/actuator/metrics", admin).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", admin).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health", admin).json().path("components").path("db").path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void theEngineRestApiAppliesTheEnginesAuthorizations() {
        TestFixtures.Tree tree = fixtures.tree();
        Api.Login districtAdmin = fixtures.adminOf(tree.districtA());
        Api.Response asAdmin = api.get("/engine-rest/decision-definition/count", districtAdmin);
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().path("count").asInt()).as("no grant on decision definitions").isZero();
        Api.Response asSupervisor = api.get("/engine-rest/decision-definition/count", fixtures.supervisor());
        assertThat(asSupervisor.json().path("count").asInt()).isPositive();
        assertThat(api.get("/engine-rest/user/count", districtAdmin).json().path("count").asInt())
                .as("sees only themself").isEqualTo(1);
    }

    @Test
    void administratorsManageUsersAndMembershipsThroughTheEngineRestApi() {
        Api.Login admin = fixtures.user(Groups.CAMUNDA_ADMIN);
        String userId = TestFixtures.unique("made-by-admin-").toLowerCase(java.util.Locale.ROOT);
        Api.Response created = api.post("/engine-rest/user/create", """
                {"profile": {"id": "%s", "firstName": "测", "lastName": "试"}, "credentials": {"password": "Pw-Made-2026!x"}}"""
                .formatted(userId), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        Api.Response member = api.put("/engine-rest/group/" + Groups.CITY_SUPERVISORS + "/members/" + userId, "", admin);
        assertThat(member.status()).as(member.body()).isEqualTo(204);
        Api.Response bySupervisor = api.post("/engine-rest/user/create", """
                {"profile": {"id": "x%s"}, "credentials": {"password": "Pw-Made-2026!x"}}""".formatted(userId),
                fixtures.supervisor());
        assertThat(bySupervisor.status()).as("supervisors are no administrators").isEqualTo(403);
    }

    @Test
    void groupsComeFromTheIdentityStore() {
        assertThat(Groups.orgRoleOf("org-HP-admins")).contains(new Groups.OrgRole("HP", Groups.OrgRole.Role.ADMIN));
        assertThat(Groups.orgRoleOf("org-HP-01-reviewers")).contains(new Groups.OrgRole("HP-01", Groups.OrgRole.Role.REVIEWER));
        assertThat(Groups.orgRoleOf("org--admins")).isEmpty();
        assertThat(Groups.orgRoleOf("city-supervisors")).isEmpty();
    }
}

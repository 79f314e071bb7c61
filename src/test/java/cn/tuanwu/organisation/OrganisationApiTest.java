package cn.tuanwu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TuanwuTest
class OrganisationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    IdentityService identityService;
    Api api;
    Api.Login supervisor;

    @BeforeEach
    void client() {
        api = new Api(port);
        supervisor = fixtures.supervisor();
    }

    @Test
    void aSupervisorCreatesATopLevelOrganisationWithItsGroups() {
        String code = TestFixtures.unique("T");
        Api.Response created = api.post("/api/orgs", """
                {"code": "%s", "name": "共青团测试区委员会", "parentCode": "%s", "category": "DISTRICT", "contactEmail": "tw@example.org"}
                """.formatted(code, fixtures.cityCode()), supervisor);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("level").asInt()).isEqualTo(1);

        Api.Response read = api.get("/api/orgs/" + code, supervisor);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("category").asText()).isEqualTo("DISTRICT");
        assertThat(read.json().path("contactEmail").asText()).isEqualTo("tw@example.org");
        assertThat(read.json().path("parentCode").asText()).isEqualTo(fixtures.cityCode());
        assertThat(identityService.createGroupQuery().groupIdIn(Groups.adminsOf(code), Groups.reviewersOf(code)).count())
                .isEqualTo(2);
    }

    @Test
    void anArrayIsCreatedInOrderAllOrNothing() {
        String top = TestFixtures.unique("T");
        Api.Response created = api.post("/api/orgs", """
                [{"code": "%1$s", "name": "测试大学团委", "parentCode": "%2$s", "category": "COLLEGE"},
                 {"code": "%1$s01", "name": "测试学院团委", "parentCode": "%1$s"},
                 {"code": "%1$s0101", "name": "2024级团支部", "parentCode": "%1$s01"}]
                """.formatted(top, fixtures.cityCode()), supervisor);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().size()).isEqualTo(3);
        assertThat(api.get("/api/orgs/" + top + "0101", supervisor).json().path("level").asInt()).isEqualTo(3);
        assertThat(api.get("/api/orgs/" + top + "/children", supervisor).json().get(0).path("code").asText())
                .isEqualTo(top + "01");

        String other = TestFixtures.unique("T");
        Api.Response failed = api.post("/api/orgs", """
                [{"code": "%1$s", "name": "另一个大学团委", "parentCode": "%2$s", "category": "COLLEGE"},
                 {"code": "%1$s01", "name": "下级", "parentCode": "%1$s", "category": "COLLEGE"}]
                """.formatted(other, fixtures.cityCode()), supervisor);
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.code()).isEqualTo("ORG_CATEGORY_NOT_ALLOWED");
        assertThat(failed.json().path("index").asInt()).isEqualTo(1);
        assertThat(api.get("/api/orgs/" + other, supervisor).status()).as("the first was rolled back").isEqualTo(404);
        assertThat(identityService.createGroupQuery().groupId(Groups.adminsOf(other)).count()).isZero();
    }

    @Test
    void badRequestsSayWhatToFix() {
        String city = fixtures.cityCode();
        TestFixtures.Tree tree = fixtures.tree();
        assertCode(api.post("/api/orgs", "{\"code\": \"%s\", \"name\": \"重复\", \"parentCode\": \"%s\", \"category\": \"DISTRICT\"}"
                .formatted(tree.districtA(), city), supervisor), 409, "ORG_CODE_TAKEN");
        assertCode(api.post("/api/orgs", "{\"code\": \"%s\", \"name\": \"无类别\", \"parentCode\": \"%s\"}"
                .formatted(TestFixtures.unique("T"), city), supervisor), 400, "ORG_CATEGORY_REQUIRED");
        assertCode(api.post("/api/orgs", "{\"code\": \"a b\", \"name\": \"空格\", \"parentCode\": \"%s\", \"category\": \"DISTRICT\"}"
                .formatted(city), supervisor), 400, "ORG_CODE_INVALID");
        assertCode(api.post("/api/orgs", "{\"code\": \"%s\", \"name\": \"孤儿\", \"parentCode\": \"NOPE%s\"}"
                .formatted(TestFixtures.unique("T"), TestFixtures.unique("")), supervisor), 400, "ORG_PARENT_UNKNOWN");
        assertCode(api.post("/api/orgs", "{\"code\": \"%s\", \"name\": \"类别错\", \"parentCode\": \"%s\", \"category\": \"TOWN\"}"
                .formatted(TestFixtures.unique("T"), city), supervisor), 400, "MALFORMED_REQUEST");
        assertCode(api.post("/api/orgs", "{\"code\": ", supervisor), 400, "MALFORMED_REQUEST");
        assertCode(api.post("/api/orgs", "[]", supervisor), 400, "MALFORMED_REQUEST");
        assertCode(api.get("/api/orgs/NOPE" + TestFixtures.unique(""), supervisor), 404, "ORG_NOT_FOUND");
    }

    @Test
    void onlyCitySupervisorsCreateOrganisations() {
        TestFixtures.Tree tree = fixtures.tree();
        Api.Response response = api.post("/api/orgs", "{\"code\": \"%s\", \"name\": \"下级\", \"parentCode\": \"%s\"}"
                .formatted(TestFixtures.unique("T"), tree.districtA()), fixtures.adminOf(tree.districtA()));
        assertCode(response, 403, "FORBIDDEN");
    }

    @Test
    void aDistrictAdminSeesTheirSubtreeAndNothingElse() {
        TestFixtures.Tree tree = fixtures.tree();
        Api.Login admin = fixtures.adminOf(tree.districtA());
        Api.Response roots = api.get("/api/orgs", admin);
        assertThat(roots.json().size()).isEqualTo(1);
        assertThat(roots.json().get(0).path("code").asText()).isEqualTo(tree.districtA());
        assertThat(api.get("/api/orgs/" + tree.branchA(), admin).status()).isEqualTo(200);
        assertCode(api.get("/api/orgs/" + tree.districtB(), admin), 403, "OUT_OF_SCOPE");
        assertCode(api.get("/api/orgs/" + fixtures.cityCode(), admin), 403, "OUT_OF_SCOPE");
        assertCode(api.get("/api/orgs/" + tree.districtB() + "/children", admin), 403, "OUT_OF_SCOPE");
    }

    @Test
    void aReviewerOfAStreetSeesTheStreetAndItsBranches() {
        TestFixtures.Tree tree = fixtures.tree();
        Api.Login reviewer = fixtures.user(Groups.reviewersOf(tree.streetA()));
        assertThat(api.get("/api/orgs", reviewer).json().get(0).path("code").asText()).isEqualTo(tree.streetA());
        assertThat(api.get("/api/orgs/" + tree.branchA(), reviewer).status()).isEqualTo(200);
        assertCode(api.get("/api/orgs/" + tree.districtA(), reviewer), 403, "OUT_OF_SCOPE");
    }

    @Test
    void citySupervisorsSeeTheWholeTreeFromTheCityCommittee() {
        TestFixtures.Tree tree = fixtures.tree();
        Api.Response roots = api.get("/api/orgs", supervisor);
        assertThat(roots.json().size()).isEqualTo(1);
        assertThat(roots.json().get(0).path("level").asInt()).isZero();
        assertThat(api.get("/api/orgs/" + tree.branchA(), supervisor).status()).isEqualTo(200);
    }

    @Test
    void anAccountWithoutOrganisationRolesSeesNoOrganisation() {
        Api.Login nobody = fixtures.user();
        assertThat(api.get("/api/orgs", nobody).json().size()).isZero();
        assertCode(api.get("/api/orgs/" + fixtures.cityCode(), nobody), 403, "OUT_OF_SCOPE");
    }

    private static void assertCode(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.code()).as(response.body()).isEqualTo(code);
    }
}

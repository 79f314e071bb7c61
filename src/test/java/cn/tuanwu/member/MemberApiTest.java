package cn.tuanwu.member;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TuanwuTest
class MemberApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    MemberRepository repository;
    @Autowired
    Clock clock;
    Api api;
    TestFixtures.Tree tree;
    Api.Login adminA;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tree = fixtures.tree();
        adminA = fixtures.adminOf(tree.districtA());
    }

    @Test
    void listsTheSubtreeMaskedAndNeverTheFullIdNumberOrPhone() {
        String inBranch = fixtures.member(tree.branchA());
        String inDistrict = fixtures.member(tree.districtA());
        fixtures.member(tree.districtB());
        Member stored = repository.findByIdNumber(inBranch).orElseThrow();

        Api.Response page = api.get("/api/members?orgCode=" + tree.districtA(), adminA);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("totalElements").asLong()).isEqualTo(2);
        assertThat(page.body()).doesNotContain(inBranch).doesNotContain(inDistrict).doesNotContain(stored.view().phone());
        JsonNode first = page.json().path("content").get(0);
        assertThat(first.path("idNumberMasked").asText()).matches("\\d{6}\\*{8}[\\dX]{4}");
        assertThat(first.path("phoneMasked").asText()).matches("1\\d{2}\\*{4}\\d{4}");
        assertThat(first.has("idNumber")).isFalse();
        assertThat(first.has("phone")).isFalse();
        assertThat(first.path("joinedLeague").asText()).matches("\\d{4}-\\d{2}");

        Api.Response branchOnly = api.get("/api/members?orgCode=" + tree.branchA(), adminA);
        assertThat(branchOnly.json().path("totalElements").asLong()).isEqualTo(1);
        assertThat(branchOnly.json().path("content").get(0).path("orgCode").asText()).isEqualTo(tree.branchA());
    }

    @Test
    void withoutAnOrganisationTheListIsTheCallersScope() {
        fixtures.member(tree.branchA());
        fixtures.member(tree.districtB());
        Api.Response page = api.get("/api/members", adminA);
        assertThat(page.json().path("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/api/members", fixtures.user()).json().path("totalElements").asLong()).isZero();
    }

    @Test
    void anotherDistrictsMembersAreOutOfScope() {
        String idNumber = fixtures.member(tree.districtB());
        long id = repository.findByIdNumber(idNumber).orElseThrow().id();
        assertThat(api.get("/api/members?orgCode=" + tree.districtB(), adminA).code()).isEqualTo("OUT_OF_SCOPE");
        Api.Response one = api.get("/api/members/" + id, adminA);
        assertThat(one.status()).isEqualTo(403);
        assertThat(one.code()).isEqualTo("OUT_OF_SCOPE");
        Api.Response lookup = api.post("/api/members/lookup", "{\"idNumber\": \"" + idNumber + "\"}", adminA);
        assertThat(lookup.status()).isEqualTo(403);
        assertThat(lookup.code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(lookup.body()).doesNotContain(idNumber);
        Api.Login adminB = fixtures.adminOf(tree.districtB());
        assertThat(api.get("/api/members/" + id, adminB).status()).isEqualTo(200);
    }

    @Test
    void looksUpByIdNumberInTheBodyAsPeopleTypeIt() {
        String idNumber = fixtures.member(tree.branchA());
        String typed = idNumber.substring(0, 6) + " " + idNumber.substring(6).toLowerCase();
        Api.Response found = api.post("/api/members/lookup", "{\"idNumber\": \"" + typed + "\"}", adminA);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("idNumberMasked").asText()).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        assertThat(found.body()).doesNotContain(idNumber);

        String unknown = cn.tuanwu.support.IdNumbers.next(LocalDate.of(1999, 1, 1));
        Api.Response missing = api.post("/api/members/lookup", "{\"idNumber\": \"" + unknown + "\"}", adminA);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("MEMBER_NOT_FOUND");
        Api.Response invalid = api.post("/api/members/lookup", "{\"idNumber\": \"110105194912310021\"}", adminA);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("E_ID_CHECKSUM");
        assertThat(api.post("/api/members/lookup", "{}", adminA).code()).isEqualTo("E_REQUIRED");
        assertThat(api.post("/api/members/lookup", "not json", adminA).code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void filtersByOverAgeRegistrationAndName() {
        LocalDate today = LocalDate.now(clock);
        fixtures.member(tree.branchA(), today.minusYears(28), MemberCategory.LEAGUE_MEMBER);
        fixtures.member(tree.branchA(), today.minusYears(28).plusDays(1), MemberCategory.LEAGUE_MEMBER);
        fixtures.member(tree.branchA(), today.minusYears(30), MemberCategory.LEAGUE_CADRE);
        String base = "/api/members?orgCode=" + tree.branchA();
        assertThat(api.get(base + "&overAge=true", adminA).json().path("totalElements").asLong())
                .as("28 today, not the one who turns 28 tomorrow, not the 团干部").isEqualTo(1);
        assertThat(api.get(base + "&overAge=false", adminA).json().path("totalElements").asLong()).isEqualTo(2);
        assertThat(api.get(base + "&registered=false&status=ACTIVE", adminA).json().path("totalElements").asLong()).isEqualTo(3);
        assertThat(api.get(base + "&registered=true", adminA).json().path("totalElements").asLong()).isZero();
        assertThat(api.get(base + "&status=TRANSFERRED_OUT", adminA).json().path("totalElements").asLong()).isZero();
        assertThat(api.get(base + "&q=测试", adminA).json().path("totalElements").asLong()).isEqualTo(3);
        assertThat(api.get(base + "&q=%25", adminA).json().path("totalElements").asLong()).as("% is literal").isZero();
    }

    @Test
    void showsTheAgeAndWhetherTheMemberIsDueToLeaveForAgeButNotTheBirthDate() {
        LocalDate today = LocalDate.now(clock);
        String turnsTwentyEightToday = fixtures.member(tree.branchA(), today.minusYears(28), MemberCategory.LEAGUE_MEMBER);
        fixtures.member(tree.branchA(), today.minusYears(28).plusDays(1), MemberCategory.LEAGUE_MEMBER);
        fixtures.member(tree.branchA(), today.minusYears(30), MemberCategory.LEAGUE_CADRE);

        Api.Response page = api.get("/api/members?orgCode=" + tree.branchA(), adminA);
        JsonNode content = page.json().path("content");
        assertThat(content.findValues("age").stream().map(JsonNode::asInt).toList()).containsExactly(28, 27, 30);
        assertThat(content.findValues("overAge").stream().map(JsonNode::asBoolean).toList())
                .as("a 团干部 of 30 stays").containsExactly(true, false, false);
        assertThat(content.get(0).has("birthDate")).isFalse();
        assertThat(page.body()).doesNotContain(today.minusYears(28).toString());

        long id = repository.findByIdNumber(turnsTwentyEightToday).orElseThrow().id();
        JsonNode one = api.get("/api/members/" + id, adminA).json();
        assertThat(one.path("age").asInt()).isEqualTo(28);
        assertThat(one.path("overAge").asBoolean()).isTrue();
    }

    @Test
    void pagesAreBounded() {
        for (int i = 0; i < 3; i++) {
            fixtures.member(tree.branchA());
        }
        JsonNode page = api.get("/api/members?orgCode=" + tree.branchA() + "&size=2&page=1", adminA).json();
        assertThat(page.path("content").size()).isEqualTo(1);
        assertThat(page.path("totalPages").asLong()).isEqualTo(2);
        assertThat(api.get("/api/members?size=1000", adminA).code()).isEqualTo("INVALID_REQUEST");
        assertThat(api.get("/api/members?status=GONE", adminA).status()).isEqualTo(400);
    }
}

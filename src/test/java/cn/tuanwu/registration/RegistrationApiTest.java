package cn.tuanwu.registration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.IdNumbers;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TuanwuTest
class RegistrationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    Api api;
    Api.Login feed;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        feed = fixtures.user(Groups.REGISTRATION_FEED);
    }

    @Test
    void aClaimMarksTheMemberRegisteredOnceAndOnlyOnce() {
        TestFixtures.Tree tree = fixtures.tree();
        String idNumber = fixtures.member(tree.branchA());
        Api.Response first = api.post("/api/registrations",
                "{\"idNumber\": \"" + idNumber + "\", \"registeredAt\": \"2017-09-02T10:00:00+08:00\"}", feed);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("alreadyRegistered").asBoolean()).isFalse();
        assertThat(first.json().path("registeredAt").asText()).isEqualTo("2017-09-02T02:00:00Z");

        Api.Response second = api.post("/api/registrations", "{\"idNumber\": \"" + idNumber + "\"}", feed);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("alreadyRegistered").asBoolean()).isTrue();
        assertThat(second.json().path("registeredAt").asText()).as("the first claim's time stays").isEqualTo("2017-09-02T02:00:00Z");

        Api.Login admin = fixtures.adminOf(tree.districtA());
        assertThat(api.get("/api/members?orgCode=" + tree.branchA() + "&registered=true", admin)
                .json().path("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void unknownAndInvalidNumbersAreAnswered() {
        Api.Response unknown = api.post("/api/registrations",
                "{\"idNumber\": \"" + IdNumbers.next(LocalDate.of(2001, 2, 3)) + "\"}", feed);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.post("/api/registrations", "{\"idNumber\": \"31010119\"}", feed).code()).isEqualTo("E_ID_LENGTH");
        assertThat(api.post("/api/registrations", "{\"idNumber\": \"" + IdNumbers.next(LocalDate.of(2001, 2, 3))
                + "\", \"registeredAt\": \"2999-01-01T00:00:00+08:00\"}", feed).code()).isEqualTo("E_REGISTERED_AT_FUTURE");
    }

    @Test
    void onlyTheFeedAccountMayReportClaims() {
        TestFixtures.Tree tree = fixtures.tree();
        String idNumber = fixtures.member(tree.branchA());
        for (Api.Login other : new Api.Login[] {fixtures.adminOf(tree.districtA()), fixtures.supervisor()}) {
            Api.Response response = api.post("/api/registrations", "{\"idNumber\": \"" + idNumber + "\"}", other);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.post("/api/registrations", "{\"idNumber\": \"" + idNumber + "\"}", null).status()).isEqualTo(401);
    }
}

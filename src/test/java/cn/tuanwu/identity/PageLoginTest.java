package cn.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.support.Api;
import cn.tuanwu.support.Browser;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages' session login: it opens /api to the browser, with CSRF protection on what changes state,
 * while HTTP Basic clients work as before. Every test logs in as a fresh user, so the engine's login
 * throttling never touches a shared account.
 */
@TuanwuTest
class PageLoginTest {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    IdentityService identityService;
    Api api;
    Browser browser;

    @BeforeEach
    void clients() {
        api = new Api(port);
        browser = new Browser(port);
    }

    @Test
    void theLoginPageIsPublicAndSetsTheCsrfCookie() {
        Browser.Page page = browser.get("/app/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login-form\"", "id=\"username\"", "id=\"password\"", "团务系统登录");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(browser.cookie(Browser.CSRF_COOKIE)).isNotBlank();
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(Browser.CSRF_COOKIE + "=").contains("SameSite=Lax").doesNotContain("HttpOnly"));
        assertThat(browser.get("/app/assets/app.css").status()).isEqualTo(200);
    }

    @Test
    void thePagesSendWhoeverIsNotLoggedInToTheLogin() {
        for (String path : List.of("/app/upload", "/app/dashboard", "/app/transfer", "/app/upload.html",
                "/app/dashboard.html", "/app/transfer.html", "/app")) {
            Browser.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/app/login");
        }
    }

    @Test
    void aSessionLoginOpensTheApiAndChangesTheSessionId() {
        TestFixtures.Tree tree = fixtures.tree();
        Api.Login admin = fixtures.adminOf(tree.districtA());
        browser.get("/app/upload");
        String before = browser.cookie(Browser.SESSION_COOKIE);
        assertThat(before).as("the saved page request made a session").isNotNull();

        Browser.Page login = browser.logIn(admin);

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).as("back to the page that asked").isEqualTo("/app/upload");
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).as("no session fixation").isNotNull().isNotEqualTo(before);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(Browser.SESSION_COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax"));
        Browser.Page orgs = browser.get("/api/orgs");
        assertThat(orgs.status()).isEqualTo(200);
        assertThat(orgs.asResponse().json().get(0).path("code").asText()).isEqualTo(tree.districtA());
        assertThat(browser.get("/app/upload").status()).isEqualTo(200);

        // The old session id opens nothing.
        Browser stale = new Browser(port);
        stale.setCookie(Browser.SESSION_COOKIE, before);
        assertThat(stale.get("/api/orgs").status()).isEqualTo(401);
    }

    @Test
    void citySupervisorsLandOnTheDashboardAndNothingRedirectsOffSite() {
        Browser.Page login = browser.logIn(fixtures.supervisor());
        assertThat(login.location()).isEqualTo("/app/dashboard");

        Browser other = new Browser(port);
        other.get("/app/login");
        Api.Login admin = fixtures.adminOf(fixtures.tree().districtA());
        Browser.Page withTarget = other.postForm("/app/login?continue=https://evil.example/&redirect=//evil.example",
                Map.of("username", admin.userId(), "password", admin.password(), "_csrf", other.cookie(Browser.CSRF_COOKIE)));
        assertThat(withTarget.status()).isEqualTo(302);
        assertThat(withTarget.header("Location")).doesNotContain("evil").endsWith("/app/upload");
    }

    @Test
    void aWrongPasswordShowsTheLoginAgainWithAnError() {
        Api.Login user = fixtures.supervisor();
        Browser.Page failed = browser.logIn(new Api.Login(user.userId(), user.password() + "x"));
        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.location()).isEqualTo("/app/login?error");
        assertThat(browser.get("/api/orgs").status()).isEqualTo(401);
        assertThat(browser.get("/app/login?error").body()).contains("id=\"login-error\"", "用户名或密码错误");

        Browser.Page unknown = new Browser(port).logIn(new Api.Login("nobody-" + user.userId(), "whatever"));
        assertThat(unknown.location()).as("the same answer for an unknown user").isEqualTo("/app/login?error");
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        Api.Login user = fixtures.supervisor();
        browser.get("/app/login");
        Browser.Page forged = browser.postForm("/app/login", Map.of("username", user.userId(), "password", user.password()));
        assertThat(forged.status()).isEqualTo(302);
        assertThat(forged.location()).isEqualTo("/app/login?expired");
        assertThat(browser.get("/api/orgs").status()).isEqualTo(401);
        assertThat(browser.get("/app/login?expired").body()).contains("id=\"login-expired\"");

        // Logout wants the token too: without it the session stays.
        browser.logIn(user);
        assertThat(browser.postForm("/app/logout", Map.of()).location()).isEqualTo("/app/login?expired");
        assertThat(browser.get("/api/orgs").status()).isEqualTo(200);
    }

    @Test
    void aStateChangingCallWithTheSessionNeedsTheCsrfHeader() {
        browser.logIn(fixtures.supervisor());
        String code = TestFixtures.unique("CS");
        String body = """
                {"code": "%s", "name": "会话测试区团委", "parentCode": "%s", "category": "DISTRICT"}"""
                .formatted(code, fixtures.cityCode());

        Browser.Page withoutToken = browser.postJson("/api/orgs", body, false);
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.asResponse().code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(browser.get("/api/orgs/" + code).status()).as("nothing was created").isEqualTo(404);

        Browser.Page withToken = browser.postJson("/api/orgs", body, true);
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(201);
        assertThat(browser.get("/api/orgs/" + code).status()).isEqualTo(200);
    }

    @Test
    void httpBasicNeedsNoCsrfTokenAndAnUnknownCallerStillGets401() {
        Api.Login supervisor = fixtures.supervisor();
        String code = TestFixtures.unique("BA");
        Api.Response created = api.post("/api/orgs", """
                {"code": "%s", "name": "基本认证测试区团委", "parentCode": "%s", "category": "DISTRICT"}"""
                .formatted(code, fixtures.cityCode()), supervisor);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Api.Response anonymous = api.post("/api/orgs", "{}", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        // The pages' script asks not to be offered the browser's Basic dialog.
        Browser.Page fromScript = browser.postJson("/api/orgs", "{}", false);
        assertThat(fromScript.status()).isEqualTo(401);
        assertThat(fromScript.header("WWW-Authenticate")).isNull();
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).as("the API makes no session").isNull();
    }

    @Test
    void theWebappsSessionCookieIsMarkedSameSiteOnce() {
        Browser.Page tasklist = browser.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith(Browser.SESSION_COOKIE + "="))
                .singleElement().satisfies(cookie -> assertThat(cookie.split("SameSite=Lax", -1)).hasSize(2));
    }

    @Test
    void theEngineRestApiDoesNotTakeThePagesSession() {
        browser.logIn(fixtures.user(Groups.CAMUNDA_ADMIN));
        assertThat(browser.get("/api/orgs").status()).isEqualTo(200);
        assertThat(browser.get("/engine-rest/user/count").status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
        browser.logIn(fixtures.supervisor());
        String session = browser.cookie(Browser.SESSION_COOKIE);
        assertThat(browser.get("/api/orgs").status()).isEqualTo(200);

        Browser.Page logout = browser.logOut();

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo("/app/login?logout");
        assertThat(browser.get("/api/orgs").status()).isEqualTo(401);
        assertThat(browser.get("/app/dashboard").status()).isEqualTo(302);
        Browser replay = new Browser(port);
        replay.setCookie(Browser.SESSION_COOKIE, session);
        assertThat(replay.get("/api/orgs").status()).as("the session is invalidated on the server").isEqualTo(401);
    }

    @Test
    void aMembershipRemovedAfterLoginCountsAtOnce() {
        TestFixtures.Tree tree = fixtures.tree();
        Api.Login admin = fixtures.adminOf(tree.districtA());
        browser.logIn(admin);
        assertThat(browser.get("/api/orgs/" + tree.districtA()).status()).isEqualTo(200);

        identityService.deleteMembership(admin.userId(), Groups.adminsOf(tree.districtA()));
        assertThat(browser.get("/api/orgs/" + tree.districtA()).status()).isEqualTo(403);

        identityService.deleteUser(admin.userId());
        assertThat(browser.get("/api/orgs").status()).isEqualTo(401);
    }

    @Test
    void thePagesAreServedWithTheirMainElements() {
        browser.logIn(fixtures.supervisor());
        Browser.Page upload = browser.get("/app/upload");
        assertThat(upload.status()).isEqualTo(200);
        assertThat(upload.header("Content-Type")).startsWith("text/html");
        assertThat(upload.body()).contains("id=\"org-select\"", "id=\"file-input\"", "id=\"upload-button\"",
                "id=\"upload-status\"", "id=\"template-link\"", "id=\"logout-form\"", "上传团员信息");
        Browser.Page dashboard = browser.get("/app/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"year-select\"", "id=\"category-filter\"", "id=\"progress-table\"",
                "督查看板");
        Browser.Page transfer = browser.get("/app/transfer");
        assertThat(transfer.status()).isEqualTo(200);
        assertThat(transfer.body()).contains("id=\"org-select\"", "id=\"members-table\"", "id=\"transfer-button\"",
                "id=\"over-age-button\"", "id=\"transfer-status\"", "人员转出");
        for (String asset : List.of("common.js", "org-picker.js", "upload.js", "transfer-members.js", "transfer.js",
                "dashboard.js", "login.js", "app.css")) {
            assertThat(browser.get("/app/assets/" + asset).status()).as(asset).isEqualTo(200);
        }
    }
}

package cn.tuanwu.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuanwu.identity.Groups;
import cn.tuanwu.support.Api;
import cn.tuanwu.support.Chromium;
import cn.tuanwu.support.LogIn;
import cn.tuanwu.support.TestFixtures;
import cn.tuanwu.support.TuanwuTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browser in Los Angeles still sees the webapps' dates in Shanghai time: the filter every view
 * formats dates with ({@code camDate}) gives 08:00 for midnight UTC, while the browser's own clock says
 * 17:00 the day before.
 */
@TuanwuTest
@Tag("browser")
@ExtendWith(Chromium.class)
class ShanghaiTimeBrowserTest {

    private static final String MIDNIGHT_UTC = "2026-09-01T00:00:00.000+0000";

    @Autowired
    TestFixtures fixtures;

    @ParameterizedTest
    @CsvSource({"tasklist, 2026年9月1日 08:00", "admin, 2026年9月1日 08:00",
            // Cockpit sets its own formats in its code, over config.js: ISO-like, in Shanghai time all the same.
            "cockpit, 2026-09-01T08:00:00"})
    @Chromium.TimeZone("America/Los_Angeles")
    void datesAreShownInShanghaiTimeWhereverTheBrowserIs(String app, String expected, Page page) {
        Api.Login login = "admin".equals(app) ? fixtures.user(Groups.CAMUNDA_ADMIN) : fixtures.supervisor();
        LogIn.toWebapp(page, app, login);
        page.waitForFunction("() => window.angular && angular.element(document.body).injector()");

        assertThat(page.evaluate("() => new Date('" + MIDNIGHT_UTC.replace("+0000", "Z") + "').getHours()"))
                .as("the browser's own zone").isEqualTo(17);
        Object shown = page.evaluate("() => angular.element(document.body).injector().get('$filter')('camDate')('"
                + MIDNIGHT_UTC + "')");
        assertThat(shown).as(app + " shows midnight UTC as").isEqualTo(expected);
        Object longForm = page.evaluate("() => angular.element(document.body).injector().get('$filter')('camDate')('"
                + MIDNIGHT_UTC + "', 'long')");
        assertThat((String) longForm).startsWith("2026年9月1日星期二 08:00");
    }
}

package cn.tuanwu.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** Logs a browser in as a person does: typing into the login forms. Only ever with the account's own password. */
public final class LogIn {

    private LogIn() {
    }

    /** Our pages' login ({@code /app/login}); waits for the page it leads to. */
    public static void toPages(Page page, Api.Login login, String landingPage) {
        page.navigate("/app/login");
        page.locator("#username").fill(login.userId());
        page.locator("#password").fill(login.password());
        page.locator("#login-button").click();
        assertThat(page).hasURL(Pattern.compile(".*/app/" + landingPage + "([?#].*)?$"));
    }

    /** The login of a Camunda webapp ({@code tasklist}, {@code cockpit}); waits until its login form has gone. */
    public static void toWebapp(Page page, String app, Api.Login login) {
        page.navigate("/camunda/app/" + app + "/");
        page.locator("input[ng-model='username']").fill(login.userId());
        page.locator("input[ng-model='password']").fill(login.password());
        page.locator("button[type='submit']").click();
        assertThat(page.locator("input[ng-model='password']")).hasCount(0);
    }
}

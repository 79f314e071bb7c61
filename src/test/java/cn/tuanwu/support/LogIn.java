package cn.tuanwu.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** Logs a browser in as a person does: typing into the login forms. Only ever with the account's own password. */
public final class LogIn {

    private LogIn() {
    }

    /** Our pages' login ({@code /app/login}); waits for the page it leads to. */
    public static void toPages(Page page, Api.Login login, String landingPage) {
        page.navigate("/app/login");
        type(page.locator("#username"), page.locator("#password"), login);
        page.locator("#login-button").click();
        assertThat(page).hasURL(Pattern.compile(".*/app/" + landingPage + "([?#].*)?$"));
    }

    /** The login of a Camunda webapp ({@code tasklist}, {@code cockpit}); waits until its login form has gone. */
    public static void toWebapp(Page page, String app, Api.Login login) {
        page.navigate("/camunda/app/" + app + "/");
        Locator password = page.locator("input[ng-model='password']");
        type(page.locator("input[ng-model='username']"), password, login);
        page.locator("button[type='submit']").click();
        assertThat(password).hasCount(0);
    }

    /**
     * Types the user id and password, and again until each field holds its own: the forms' autofocus can take
     * the cursor back to the user name while the password is typed (seen once in CI, both in the user name), and
     * a wrong password would lock the account for a while.
     */
    private static void type(Locator username, Locator password, Api.Login login) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            username.fill(login.userId());
            password.fill(login.password());
            if (username.inputValue().equals(login.userId()) && password.inputValue().equals(login.password())) {
                break;
            }
        }
        assertThat(username).hasValue(login.userId());
        assertThat(password).hasValue(login.password());
    }
}

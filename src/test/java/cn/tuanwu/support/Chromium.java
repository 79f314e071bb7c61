package cn.tuanwu.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} (or {@code -Dtuanwu.test.chromium})
 * driven by Playwright, whose driver bundle brings its own Node, so nothing is downloaded. One browser for
 * the whole run; each test gets a fresh {@link Page} in a context of its own (no cookies shared), in Chinese,
 * in Shanghai's zone (or the one a {@link TimeZone} on the test names), 1280×800, addressed relative to the running application. A failing test leaves
 * {@code target/screenshots/FAILED-<class>-<method>.png}.
 */
public final class Chromium implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {

    /** The browser's time zone for one test, instead of Asia/Shanghai. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface TimeZone {
        String value();
    }

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Page resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Launched.class, key -> Launched.launch(), Launched.class).browser;
        String zone = context.getTestMethod().map(method -> method.getAnnotation(TimeZone.class))
                .map(TimeZone::value).orElse("Asia/Shanghai");
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("zh-CN")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "zh-CN,zh;q=0.9"))
                .setTimezoneId(zone)
                .setViewportSize(1280, 800));
        browserContext.setDefaultTimeout(15_000);
        Page page = browserContext.newPage();
        context.getStore(NAMESPACE).put(Page.class, page);
        return page;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Page page = context.getStore(NAMESPACE).get(Page.class, Page.class);
        if (page != null && !page.isClosed()) {
            try {
                screenshot(page, "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                thrown.addSuppressed(e);
            }
        }
        throw thrown;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Page page = context.getStore(NAMESPACE).remove(Page.class, Page.class);
        if (page != null) {
            page.context().close();
        }
    }

    /** Saves what the page shows now (the 1280×800 viewport) as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }

    /** Playwright and its browser, closed when the whole run ends. */
    private record Launched(Playwright playwright, Browser browser) implements ExtensionContext.Store.CloseableResource {

        static Launched launch() {
            Path executable = Path.of(System.getProperty("tuanwu.test.chromium", "/usr/bin/chromium"));
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("Browser tests need Chromium at " + executable
                        + ": apt-get install -y chromium (or -Dtuanwu.test.chromium=<path>)");
            }
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                return new Launched(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable).setHeadless(true)
                        // Chromium's own words (the file input's button) in Chinese too.
                        .setArgs(List.of("--lang=zh-CN"))));
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void close() {
            playwright.close();
        }
    }
}

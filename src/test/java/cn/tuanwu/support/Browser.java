package cn.tuanwu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's view of the application: it keeps cookies, does not follow redirects (so tests see
 * them), and sends no Authorization header, only what the pages send.
 */
public final class Browser {

    public static final String CSRF_COOKIE = "TUANWU-XSRF-TOKEN";
    public static final String SESSION_COOKIE = "JSESSIONID";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String base;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form post, as the login form sends it. */
    public Page postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON post as the pages' script makes it, with or without the CSRF header. */
    public Page postJson(String path, String json, boolean withCsrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (withCsrfHeader) {
            request.header("X-XSRF-TOKEN", cookie(CSRF_COOKIE));
        }
        return send(request);
    }

    /**
     * Loads the login page (which sets the CSRF cookie), posts the form with its token and, like a
     * browser, opens the page it is sent to (which sets the new token: login replaces it).
     */
    public Page logIn(Api.Login login) {
        get("/app/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", login.userId());
        form.put("password", login.password());
        form.put("_csrf", cookie(CSRF_COOKIE));
        Page answer = postForm("/app/login", form);
        if (answer.status() == 302 && answer.location().startsWith("/app/")) {
            get(answer.location());
        }
        return answer;
    }

    public Page logOut() {
        return postForm("/app/logout", Map.of("_csrf", cookie(CSRF_COOKIE)));
    }

    /** A cookie's value, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Puts a cookie into the jar, as another tab or a stolen copy would have it. */
    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** Status, headers and body of a response. */
    public record Page(int status, java.net.http.HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The Location of a redirect, without scheme and host. */
        public String location() {
            String location = header("Location");
            return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
        }

        public Api.Response asResponse() {
            return new Api.Response(status, body);
        }
    }
}

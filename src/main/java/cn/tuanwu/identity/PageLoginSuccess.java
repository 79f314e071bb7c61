package cn.tuanwu.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After the pages' login: back to the page that asked for it, else to the user's usual page (city
 * supervisors the dashboard, everyone else the upload). The target is never taken from a parameter,
 * only from the page request this server saved, and only its path below {@code /app/} is used, so the
 * browser cannot be sent to another site.
 */
class PageLoginSuccess implements AuthenticationSuccessHandler {

    private static final Pattern PAGE = Pattern.compile("/app/[a-z]+");
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9=&%._-]*");

    private final RequestCache requests = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String target = request.getContextPath() + pageFor(authentication);
        SavedRequest saved = requests.getRequest(request, response);
        if (saved instanceof DefaultSavedRequest page) {
            String path = page.getRequestURI().substring(Math.min(request.getContextPath().length(),
                    page.getRequestURI().length()));
            String query = page.getQueryString();
            if (page.getRequestURI().startsWith(request.getContextPath()) && PAGE.matcher(path).matches()
                    && !path.equals(PageSecurity.LOGIN)) {
                target = request.getContextPath() + path
                        + (query != null && QUERY.matcher(query).matches() ? "?" + query : "");
            }
        }
        requests.removeRequest(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        response.sendRedirect(target);
    }

    private static String pageFor(Authentication authentication) {
        return authentication.getPrincipal() instanceof Caller caller && caller.isCitySupervisor()
                ? "/app/dashboard" : "/app/upload";
    }
}

package cn.tuanwu.identity;

import static cn.tuanwu.identity.SecurityConfiguration.path;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's pages under {@code /app}: a form login against the same accounts (the engine's
 * password check and throttling), kept in the HTTP session that {@code /api} then accepts. The
 * session id changes at login (no fixation), logout is a POST with the CSRF token that invalidates
 * the session, and after login the browser goes only to one of our own pages (no open redirect).
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    static final String LOGIN = "/app/login";

    /** Our own scripts and styles only; nothing inline, no framing, forms post only to us. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain pagesSecurity(HttpSecurity http, CamundaAuthenticationProvider provider,
            CsrfTokenRepository csrfTokens, IdentityService identityService,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) throws Exception {
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
        // Nothing to keep: the page says only that the user id or password was wrong.
        failure.setAllowSessionCreation(false);
        return http
                .securityMatcher(new OrRequestMatcher(path("/app"), path("/app/**")))
                .authenticationProvider(provider)
                .authorizeHttpRequests(authorize -> authorize
                        // The page routes forward to their .html files after their own check.
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(path(LOGIN), path("/app/login.html"), path("/app/assets/**")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .successHandler(new PageLoginSuccess())
                        .failureHandler(failure))
                .logout(logout -> logout.logoutUrl("/app/logout")
                        .logoutSuccessUrl(LOGIN + "?logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(sessionCookie, SecurityConfiguration.CSRF_COOKIE))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                // A form posted without a valid token (a stale tab, or another site) starts over at the login page.
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        response.sendRedirect(request.getContextPath() + LOGIN + "?expired");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }))
                .addFilterAfter(new CsrfCookie(), CsrfFilter.class)
                .addFilterBefore(new SessionGroups(identityService), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Sets the CSRF cookie on every page response: Spring writes it only when something reads the
     * token, and our static pages read it from the cookie in the browser.
     */
    private static final class CsrfCookie extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}

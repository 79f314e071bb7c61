package cn.tuanwu.identity;

import cn.tuanwu.shared.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. {@code /engine-rest} and {@code /actuator}: HTTP Basic only, stateless.
 * {@code /api}: HTTP Basic, or the session of the pages' login ({@link PageSecurity}); a state-changing
 * request made with that session needs the CSRF token, one made with Basic credentials does not (a
 * cross-site page cannot attach an Authorization header). The Camunda webapps keep their own login
 * and are not matched here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REALM = "tuanwu";
    /** Not Camunda's XSRF-TOKEN: the webapps set their own under /camunda and read it by name. */
    static final String CSRF_COOKIE = "TUANWU-XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain operationsSecurity(HttpSecurity http, CamundaAuthenticationProvider provider,
            ObjectMapper json) throws Exception {
        return http
                // Path patterns, not MVC matchers: /engine-rest is Jersey's servlet, not the DispatcherServlet's.
                .securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/actuator/**")))
                .authenticationProvider(provider)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasAuthority(Groups.CAMUNDA_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated(json)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(denied(json)))
                // Stateless Basic authentication: no session cookie, so no CSRF token to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaAuthenticationProvider provider, ObjectMapper json,
            CsrfTokenRepository csrfTokens, IdentityService identityService) throws Exception {
        return http
                .securityMatcher(path("/api/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(path("/api/admin/**")).hasAuthority(Groups.CAMUNDA_ADMIN)
                        .requestMatchers(path("/api/registrations"), path("/api/registrations/**"))
                        .hasAuthority(Groups.REGISTRATION_FEED)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated(json)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(denied(json)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::writesWithSession))
                // Uses the pages' session when there is one, never makes one, and never remembers a request.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .addFilterBefore(new SessionGroups(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /** One cookie for the pages and /api; script-readable, as cookie-to-header needs. */
    @Bean
    CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineRestAuthentication(IdentityService identityService) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineAuthenticationFilter(identityService));
        registration.addUrlPatterns("/engine-rest/*");
        // After Spring Security's chain (order -100), which has authenticated the request.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /**
     * A state-changing request that the pages' login would authenticate. Without such a session there
     * is nothing to forge: the request is Basic-authenticated or answered 401. Basic credentials with
     * a logged-in session need the token too, so a browser's remembered credentials cannot skip it.
     */
    static boolean writesWithSession(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && SessionGroups.loggedIn(request);
    }

    static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, e) -> {
            // The pages' fetch calls say so: they go to the login page, not to the browser's Basic dialog.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            }
            write(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录：用户名或密码错误，或未提供");
        };
    }

    private static AccessDeniedHandler denied(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                write(response, json, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID", "页面已过期或请求来源不明，请刷新页面后重试");
            } else {
                write(response, json, HttpStatus.FORBIDDEN, "FORBIDDEN", "您的账号无权进行此操作");
            }
        };
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String code,
            String message) throws IOException {
        ProblemDetail problem = Problems.of(status, code, message);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}

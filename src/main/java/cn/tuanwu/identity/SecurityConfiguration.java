package cn.tuanwu.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cn.tuanwu.shared.Problems;

/**
 * HTTP Basic against the engine's identity store on {@code /api}, {@code /engine-rest} and
 * {@code /actuator}. The Camunda webapps keep their own login and are not matched here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String REALM = "tuanwu";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaAuthenticationProvider provider, ObjectMapper json)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            write(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录：用户名或密码错误，或未提供");
        };
        AccessDeniedHandler denied = (request, response, e) ->
                write(response, json, HttpStatus.FORBIDDEN, "FORBIDDEN", "您的账号无权进行此操作");
        return http
                // Path patterns, not MVC matchers: /engine-rest is Jersey's servlet, not the DispatcherServlet's.
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
                .authenticationProvider(provider)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasAuthority(Groups.CAMUNDA_ADMIN)
                        .requestMatchers(path("/api/admin/**")).hasAuthority(Groups.CAMUNDA_ADMIN)
                        .requestMatchers(path("/api/registrations"), path("/api/registrations/**"))
                        .hasAuthority(Groups.REGISTRATION_FEED)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                // Stateless Basic authentication: no session cookie, so no CSRF token to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
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

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
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

package cn.tuanwu.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session proves who logged in, not what they may do now: each request made with it reads the
 * user's groups again, as HTTP Basic does, so a membership removed in Admin counts at once, and a
 * deleted user's session ends.
 */
class SessionGroups extends OncePerRequestFilter {

    private final IdentityService identityService;

    SessionGroups(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Whether the request carries a session in which someone logged in through the pages. */
    static boolean loggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        try {
            return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context
                    && context.getAuthentication() != null
                    && context.getAuthentication().getPrincipal() instanceof Caller;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof Caller caller && loggedIn(request)) {
            if (identityService.createUserQuery().userId(caller.userId()).count() == 0) {
                request.getSession().invalidate();
                SecurityContextHolder.clearContext();
            } else {
                // A context of this request only: the session keeps what was stored at login.
                SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
                refreshed.setAuthentication(withCurrentGroups(caller.userId()));
                SecurityContextHolder.setContext(refreshed);
            }
        }
        chain.doFilter(request, response);
    }

    private Authentication withCurrentGroups(String userId) {
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
        return UsernamePasswordAuthenticationToken.authenticated(new Caller(userId, groups), null,
                groups.stream().map(SimpleGrantedAuthority::new).toList());
    }
}

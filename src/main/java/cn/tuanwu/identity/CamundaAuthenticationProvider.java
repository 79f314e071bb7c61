package cn.tuanwu.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a password against the engine's identity store (with its login throttling) and turns the
 * user's groups into authorities. The principal is a {@link Caller}.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        boolean valid;
        try {
            valid = identityService.checkPassword(userId, credentials.toString());
        } catch (ProcessEngineException e) {
            valid = false;
        }
        if (!valid) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
        List<SimpleGrantedAuthority> authorities = groups.stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(new Caller(userId, groups), null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

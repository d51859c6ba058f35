package org.resetflow.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Staff sign-in for ResetFlow's own staff endpoints, against the same identity service as the Camunda webapps. */
@Component
public class StaffAuthentication implements AuthenticationProvider {

    public static final String HELPDESK = "HELPDESK";
    public static final String HELPDESK_GROUP = "helpdesk-admins";

    private final IdentityService identityService;

    StaffAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(user).list()) {
            authorities.add(new SimpleGrantedAuthority("GROUP_" + group.getId()));
            if (group.getId().equals(HELPDESK_GROUP) || group.getId().equals(Groups.CAMUNDA_ADMIN)) {
                authorities.add(new SimpleGrantedAuthority(HELPDESK));
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

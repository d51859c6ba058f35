package org.resetflow.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.resetflow.directory.DirectoryUnavailableException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Staff sign-in with directory credentials (HTTP Basic on {@code /engine-rest} and {@code /staff}), through the
 * engine's identity service, which reads the directory. The directory groups become authorities: {@code GROUP_<id>}
 * for each, plus {@link #STAFF}, {@link #HELPDESK}, {@link #PROCESS_OWNER} and {@link #ADMINISTRATOR} by the
 * configured staff groups.
 */
@Component
public class StaffAuthentication implements AuthenticationProvider {

    public static final String STAFF = "STAFF";
    public static final String HELPDESK = "HELPDESK";
    public static final String PROCESS_OWNER = "PROCESS_OWNER";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";
    public static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final StaffProperties staff;
    private final StaffSignInThrottle throttle;

    StaffAuthentication(IdentityService identityService, StaffProperties staff, StaffSignInThrottle throttle) {
        this.identityService = identityService;
        this.staff = staff;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        throttle.check(user, client);
        try {
            if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
                throttle.failed(user, client);
                throw new BadCredentialsException("Unknown user or wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(groupsOf(user)));
        } catch (DirectoryUnavailableException e) {
            throw new AuthenticationServiceException("The staff directory does not answer", e);
        }
    }

    /** The user's directory groups (ids). */
    public Set<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).collect(Collectors.toSet());
    }

    /** Whether these groups make someone staff at all. */
    public boolean isStaff(Set<String> groups) {
        return staff.staffGroups().stream().anyMatch(groups::contains);
    }

    List<GrantedAuthority> authorities(Set<String> groups) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group)));
        boolean administrator = groups.contains(staff.administratorGroup());
        if (administrator) {
            authorities.add(new SimpleGrantedAuthority(ADMINISTRATOR));
        }
        if (isStaff(groups)) {
            authorities.add(new SimpleGrantedAuthority(STAFF));
        }
        if (administrator || staff.helpdeskGroups().stream().anyMatch(groups::contains)) {
            authorities.add(new SimpleGrantedAuthority(HELPDESK));
        }
        if (administrator || groups.contains(staff.processOwnerGroup())) {
            authorities.add(new SimpleGrantedAuthority(PROCESS_OWNER));
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

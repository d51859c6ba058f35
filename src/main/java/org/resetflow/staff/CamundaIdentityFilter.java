package org.resetflow.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the signed-in staff member to the engine for the length of a {@code /engine-rest} request, so that Camunda's
 * authorisations apply to them and its history records who did what (what Camunda's own REST authentication filter
 * does; here Spring Security has already checked the credentials and the staff groups).
 */
public class CamundaIdentityFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    public CamundaIdentityFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = authentication.getAuthorities().stream().map(Object::toString)
                .filter(authority -> authority.startsWith(StaffAuthentication.GROUP_PREFIX))
                .map(authority -> authority.substring(StaffAuthentication.GROUP_PREFIX.length()))
                .toList();
        identityService.setAuthentication(authentication.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}

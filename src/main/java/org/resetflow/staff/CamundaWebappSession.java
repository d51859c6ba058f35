package org.resetflow.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A staff member signed in to Tasklist or Cockpit is signed in to ResetFlow's staff pages too: the link from an
 * escalation form to the handover page opens without a second sign-in. The webapps' session holds the directory
 * groups Camunda read at sign-in (and re-reads every few minutes); without that session, HTTP Basic applies.
 */
public class CamundaWebappSession extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    private final StaffAuthentication staffAuthentication;

    public CamundaWebappSession(StaffAuthentication staffAuthentication) {
        this.staffAuthentication = staffAuthentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication signedIn = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
            if (signedIn instanceof UserAuthentication user && user.getGroupIds() != null) {
                var authentication = UsernamePasswordAuthenticationToken.authenticated(user.getName(), null,
                        staffAuthentication.authorities(new HashSet<>(user.getGroupIds())));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }
}

package org.resetflow.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.resetflow.directory.DirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The staff pages' own sign-in ({@value #PATH}), for a link to a staff page opened without a session, such as the
 * handover of a temporary password: the person signs in with their directory password and lands where the link
 * pointed. It checks the password as every staff sign-in does ({@link StaffAuthentication}, throttled) and then
 * opens the same session the Camunda webapps' login opens ({@code AuthenticationUtil}, as Camunda's
 * {@code UserAuthenticationResource} does, with a new session id), so Tasklist and Cockpit are signed in as well and
 * {@link CamundaWebappSession} recognises the person on every staff page.
 */
@Component
public class StaffSignIn {

    public static final String PATH = "/staff/sign-in";
    /** Where a sign-in without a (valid) destination leads. */
    public static final String TASKLIST = "/camunda/app/tasklist/";

    /** A staff page a browser may be sent back to: no API, no query, nothing that leaves {@code /staff/}. */
    private static final Pattern STAFF_PAGE = Pattern.compile("/staff/(?!api/|sign-in)[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private static final Logger log = LoggerFactory.getLogger(StaffSignIn.class);

    /** How a sign-in ended, when it was not refused for too many wrong passwords ({@link StaffSignInThrottle.TooManySignIns}). */
    public enum Outcome { SIGNED_IN, WRONG_PASSWORD, NOT_STAFF }

    private final StaffAuthentication staffAuthentication;
    private final ProcessEngine engine;

    StaffSignIn(StaffAuthentication staffAuthentication, ProcessEngine engine) {
        this.staffAuthentication = staffAuthentication;
        this.engine = engine;
    }

    /**
     * Signs the person in for this browser session.
     *
     * @throws StaffSignInThrottle.TooManySignIns    too many wrong passwords for the account or from the client
     * @throws DirectoryUnavailableException         the directory does not answer
     */
    public Outcome signIn(HttpServletRequest request, String username, String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication staff;
        try {
            staff = staffAuthentication.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            return Outcome.WRONG_PASSWORD;
        } catch (AuthenticationServiceException unavailable) {
            if (unavailable.getCause() instanceof DirectoryUnavailableException directory) {
                throw directory;
            }
            throw unavailable;
        }
        if (staff.getAuthorities().stream().noneMatch(authority -> StaffAuthentication.STAFF.equals(authority.getAuthority()))) {
            log.info("Refused a staff sign-in of {}: not in a staff group", username);
            return Outcome.NOT_STAFF;
        }
        engine.getIdentityService().clearAuthentication();
        UserAuthentication session = AuthenticationUtil.createAuthentication(engine, username);
        Date cacheValidation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (cacheValidation != null) {
            session.setCacheValidationTime(cacheValidation);
        }
        AuthenticationUtil.revalidateSession(request, session);
        log.info("{} signed in on the staff pages", username);
        return Outcome.SIGNED_IN;
    }

    /** Where to send the browser after signing in: the staff page asked for, or Tasklist. */
    public static String destination(String next) {
        return next != null && STAFF_PAGE.matcher(next).matches() ? next : TASKLIST;
    }
}

package org.resetflow.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.resetflow.portal.PortalForms;
import org.resetflow.portal.PortalProperties;
import org.resetflow.staff.CamundaIdentityFilter;
import org.resetflow.staff.CamundaWebappSession;
import org.resetflow.staff.StaffAuthentication;
import org.resetflow.staff.StaffBasicEntryPoint;
import org.resetflow.staff.StaffOnlyWebappLogin;
import org.resetflow.staff.StaffSignIn;
import org.resetflow.staff.StaffSignInThrottle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what. The public journey API and the portal are open; every staff surface needs a sign-in with
 * directory credentials of a member of a staff group: {@code /engine-rest} and {@code /staff/api} through HTTP Basic,
 * the Camunda webapps through their own login (which only staff may reach). Inside, Camunda's authorisations decide.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP_API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /**
     * The header a script sends with a state-changing call of a staff API ({@code /engine-rest}, {@code /staff/api}):
     * a cross-site request cannot carry a header of its own without a CORS preflight, which nothing here allows, so
     * credentials a browser keeps (HTTP Basic, the Tasklist session) cannot be used by another site to change anything.
     */
    static final String SCRIPTED_CALL_HEADER = "X-Requested-By";

    /** Spring Security's strict firewall, with its defaults; also checks every request line before any other filter. */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new RejectedRequests();
    }

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(HttpFirewall firewall, RequestRejectedHandler rejected) {
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard(firewall, rejected));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/dev/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // The API is driven by a bearer secret in a header that browsers never send on their own.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP_API))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    /**
     * The portal: open pages, CSRF tokens on every form (a cookie, not a session, so any node can check them), and a
     * Content-Security-Policy without inline script or style.
     */
    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, PortalProperties portal) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("rf_csrf");
        csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(portal.secureCookies()).sameSite("Strict").path("/"));
        String images = ("'self' data: " + portal.logoOrigin()).trim();
        return http.securityMatcher("/", "/reset/**", "/unlock/**", "/register/**", "/not-me/**", "/portal/**", "/reset", "/unlock", "/register")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                // the form's size, coding and type are checked before the CSRF check reads it
                .addFilterBefore(new PortalForms(), CsrfFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; img-src "
                                + images + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    /**
     * ResetFlow's own staff surfaces: the Camunda webapps' sign-in (or the staff sign-in page, which opens the same
     * session), or HTTP Basic with directory credentials; helpdesk groups only. A browser opening a staff page without
     * a sign-in is sent to the staff sign-in and back. The pages have forms and so CSRF tokens; the JSON API is driven
     * by clients that send the credentials themselves.
     */
    @Bean
    @Order(3)
    SecurityFilterChain staff(HttpSecurity http, StaffAuthentication staffAuthentication, PortalProperties portal) throws Exception {
        // the handover page's form carries a CSRF token; the JSON API is for scripts, which name themselves in a header
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("rf_staff_csrf");
        csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(portal.secureCookies()).sameSite("Strict").path("/staff"));
        String images = ("'self' data: " + portal.logoOrigin()).trim();
        return http.securityMatcher("/staff/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(StaffSignIn.PATH).permitAll()
                        .anyRequest().hasAuthority(StaffAuthentication.HELPDESK))
                // this provider alone, without Boot's global manager behind it, which would ask it a second time (and count
                // a wrong password twice)
                .authenticationManager(new ProviderManager(staffAuthentication))
                .httpBasic(basic -> basic.authenticationEntryPoint(new StaffBasicEntryPoint()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(request ->
                        request.getRequestURI().startsWith(request.getContextPath() + "/staff/api/") && scriptedOrWithoutCredentials(request)))
                // signed in to Tasklist already: no second sign-in
                .addFilterBefore(new CamundaWebappSession(staffAuthentication), BasicAuthenticationFilter.class)
                // The webapps' session is only read here: its id changes where it is opened (the webapps' login, the staff
                // sign-in). Changing it on every staff page, as a session fixation defence would, logs Tasklist out.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        // the staff sign-in and the error pages are in the portal's look: its script, stylesheets and logo
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; script-src 'self'; style-src 'self'; img-src "
                                + images + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .cacheControl(Customizer.withDefaults())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /** {@code /engine-rest}: HTTP Basic, staff only; the engine then sees the staff member and their groups. */
    @Bean
    @Order(4)
    SecurityFilterChain engineRest(HttpSecurity http, StaffAuthentication staffAuthentication, IdentityService identityService) throws Exception {
        // Not Spring MVC's servlet: match the path itself
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(StaffAuthentication.STAFF))
                // this provider alone, without Boot's global manager behind it, which would ask it a second time (and count
                // a wrong password twice)
                .authenticationManager(new ProviderManager(staffAuthentication))
                .httpBasic(basic -> basic.authenticationEntryPoint(new StaffBasicEntryPoint()))
                // a browser keeps Basic credentials and sends them cross-site: a state-changing call must name itself
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request ->
                        !SAFE_METHODS.contains(request.getMethod()) && !scriptedOrWithoutCredentials(request)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfiguration::refusedUnnamedCall))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterAfter(new CamundaIdentityFilter(identityService), AuthorizationFilter.class)
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /** The Camunda webapps authenticate staff themselves; only their login is guarded, so that only staff get in. */
    @Bean
    @Order(5)
    SecurityFilterChain camundaWebapps(HttpSecurity http, StaffAuthentication staffAuthentication, StaffSignInThrottle throttle,
                                       IdentityService identityService) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // The webapps bring their own CSRF protection (Camunda's CsrfPreventionFilter).
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new StaffOnlyWebappLogin(identityService, staffAuthentication, throttle), CsrfFilter.class)
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * A call that names itself as a script's, or one that carries no credential a browser keeps (no Authorization
     * header, no cookie): such a call cannot ride on a staff member's browser, and one without credentials is then
     * refused by the sign-in as usual ({@code 401}).
     */
    private static boolean scriptedOrWithoutCredentials(HttpServletRequest request) {
        return request.getHeader(SCRIPTED_CALL_HEADER) != null
                || (request.getHeader("Authorization") == null && request.getHeader("Cookie") == null);
    }

    /** {@code /engine-rest}'s refusal in Camunda's error format, saying what a script must send. */
    private static void refusedUnnamedCall(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        String message = denied instanceof CsrfException
                ? "A call that changes something needs the header " + SCRIPTED_CALL_HEADER + " (any value), which a cross-site request cannot send"
                : "Forbidden";
        response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"" + message + "\"}");
    }

    /**
     * Everything not listed above is refused, as a 404: an address that is not there reads as one, not as a page
     * that has expired. {@code /error} answers every direct request with 404 itself.
     */
    @Bean
    @Order(6)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(refusals -> refusals
                        .authenticationEntryPoint((request, response, e) -> response.sendError(HttpServletResponse.SC_NOT_FOUND))
                        .accessDeniedHandler((request, response, e) -> response.sendError(HttpServletResponse.SC_NOT_FOUND)))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}

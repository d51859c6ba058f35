package org.resetflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.portal.PortalProperties;
import org.resetflow.staff.StaffAuthentication;
import org.resetflow.staff.StaffSignInThrottle;
import org.resetflow.testing.ExpectedLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * Who may reach what, from the security configuration alone: the filter chains in front of an application without
 * controllers, so that a request the chains let through ends in 404 and one they stop in 401 or 403. The end-to-end
 * tests sign in through the real surfaces; this one holds the whole matrix in one place.
 */
@SpringJUnitWebConfig(classes = {SecurityConfiguration.class, SecurityConfigurationTest.Beans.class})
class SecurityConfigurationTest {

    /** Spring MVC's line for each of those 404s, and its one remark on MockMvc's requests, which do not pass a servlet container. */
    @RegisterExtension
    static final ExpectedLog MVC = ExpectedLog.of("org.springframework.web.servlet.PageNotFound",
            "org.springframework.web.servlet.handler.HandlerMappingIntrospector");

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @EnableWebMvc
    static class Beans {

        /** Addresses that exist, so that only the chains can make them 404 (a member class: registered with Beans). */
        @org.springframework.web.bind.annotation.RestController
        static class Existing {
            @org.springframework.web.bind.annotation.GetMapping({"/actuator/health", "/actuator/env", "/h2-console"})
            String here() {
                return "here";
            }
        }

        @Bean
        IdentityService identityService() {
            return mock(IdentityService.class);
        }

        @Bean
        StaffAuthentication staffAuthentication() {
            return mock(StaffAuthentication.class);
        }

        @Bean
        StaffSignInThrottle staffSignInThrottle() {
            return mock(StaffSignInThrottle.class);
        }

        @Bean
        PortalProperties portalProperties() {
            return new PortalProperties("https://cdn.example.org/brand/logo.svg", "#0b5cad", "", true);
        }
    }

    @Autowired
    private WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void thePublicApiIsOpenWithoutCsrfOrSessionAndCannotBeFramed() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/resets").contentType("application/json").content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CSP_API))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).as("no session for an API call").isNull();
        assertThat(result.getResponse().getCookies()).isEmpty();
    }

    @Test
    void thePortalsFormsNeedTheirCsrfTokenAndItsPagesAllowOnlyTheirOwnScriptsAndTheLogosOrigin() throws Exception {
        mvc.perform(post("/reset").contentType("application/x-www-form-urlencoded").param("username", "alice"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/reset").contentType("application/x-www-form-urlencoded").param("username", "alice").with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/not-me/abc")).andExpect(status().isNotFound());
        mvc.perform(post("/not-me/abc").contentType("application/x-www-form-urlencoded")).andExpect(status().isForbidden());
        mvc.perform(post("/not-me/abc").contentType("application/x-www-form-urlencoded").with(csrf())).andExpect(status().isNotFound());
        String policy = mvc.perform(get("/")).andExpect(status().isNotFound()).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "img-src 'self' data: https://cdn.example.org",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void theStaffPagesNeedAHelpdeskMember() throws Exception {
        mvc.perform(get("/staff/handover/abc")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")));
        mvc.perform(get("/staff/handover/abc").with(user("olivia").authorities(() -> StaffAuthentication.STAFF)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/handover/abc").with(user("helen").authorities(() -> StaffAuthentication.HELPDESK)))
                .andExpect(status().isNotFound());
        // a staff form without its token
        mvc.perform(post("/staff/handover/abc").with(user("helen").authorities(() -> StaffAuthentication.HELPDESK)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBrowserOpeningAStaffPageWithoutASignInGoesToTheStaffSignInWhichIsOpenToAll() throws Exception {
        mvc.perform(get("/staff/escalations/abc").accept("text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/staff/sign-in?next=%2Fstaff%2Fescalations%2Fabc"));
        // a script, or a browser that sent credentials, is answered as before
        mvc.perform(get("/staff/escalations/abc").accept("text/html").header("Authorization", "Basic bm9ib2R5Ong="))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/staff/api/escalations/abc").accept("text/html")).andExpect(status().isUnauthorized());
        mvc.perform(get("/staff/sign-in").accept("text/html")).andExpect(status().isNotFound());
        mvc.perform(post("/staff/sign-in").contentType("application/x-www-form-urlencoded")).andExpect(status().isForbidden());
        mvc.perform(post("/staff/sign-in").contentType("application/x-www-form-urlencoded").with(csrf())).andExpect(status().isNotFound());
        String policy = mvc.perform(get("/staff/sign-in")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "img-src 'self' data: https://cdn.example.org", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void theEngineRestApiNeedsAStaffMember() throws Exception {
        mvc.perform(get("/engine-rest/task")).andExpect(status().isUnauthorized());
        mvc.perform(get("/engine-rest/task").with(user("mallory").authorities(() -> "SOMEONE"))).andExpect(status().isForbidden());
        mvc.perform(get("/engine-rest/task").with(user("helen").authorities(() -> StaffAuthentication.STAFF))).andExpect(status().isNotFound());
    }

    @Test
    void aStaffCallThatChangesSomethingMustNameItselfSoThatNoOtherSiteCanUseTheBrowsersCredentials() throws Exception {
        var helen = user("helen").authorities(() -> StaffAuthentication.STAFF, () -> StaffAuthentication.HELPDESK);
        // the browser sends the Basic credentials it keeps, or the Tasklist session's cookie, with another site's request
        mvc.perform(post("/engine-rest/task/t1/complete").header("Authorization", "Basic aGVsZW46c2VjcmV0")
                        .contentType("application/json").content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.message")
                        .value(org.hamcrest.Matchers.containsString("X-Requested-By")));
        mvc.perform(post("/engine-rest/task/t1/complete").with(helen).header("X-Requested-By", "script")
                .contentType("application/json").content("{}")).andExpect(status().isNotFound());
        mvc.perform(get("/engine-rest/task").with(helen)).andExpect(status().isNotFound());

        mvc.perform(post("/staff/api/escalations/p1/temporary-password").with(helen).header("Cookie", "JSESSIONID=tasklist"))
                .andExpect(status().isForbidden());
        // no credentials at all: the sign-in refuses it
        mvc.perform(post("/engine-rest/task/t1/complete")).andExpect(status().isUnauthorized());
        mvc.perform(post("/staff/api/escalations/p1/temporary-password").with(helen).header("X-Requested-By", "script"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCamundaWebappsAreLeftToTheirOwnSignIn() throws Exception {
        mvc.perform(get("/camunda/app/cockpit/default/")).andExpect(status().isNotFound());
    }

    @Test
    void everythingElseIsClosedButTheHealthCheckAndAClosedAddressReadsAsOneThatIsNotThere() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
        mvc.perform(get("/h2-console")).andExpect(status().isNotFound());
    }
}

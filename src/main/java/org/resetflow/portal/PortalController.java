package org.resetflow.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.resetflow.engine.FieldErrors;
import org.resetflow.journey.ClientAddresses;
import org.resetflow.journey.FlowView;
import org.resetflow.journey.JourneyExceptions;
import org.resetflow.journey.JourneyService;
import org.resetflow.journey.JourneyTexts;
import org.resetflow.passwordpolicy.PasswordPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The self-service portal: server-rendered pages over the journey service that the public API exposes, one
 * generic page for every step. Works without JavaScript; every form carries a CSRF token; the flow token lives in
 * an HttpOnly cookie. Post/redirect/get: a step that succeeds redirects to the journey's page.
 */
@Controller
class PortalController {

    private static final String JOURNEYS = "{journey:reset|unlock|register}";

    private final JourneyService journeys;
    private final JourneyTexts texts;
    private final ClientAddresses clients;
    private final FlowCookies cookies;
    private final PasswordPolicy passwordPolicy;
    private final ObjectMapper json;

    PortalController(JourneyService journeys, JourneyTexts texts, ClientAddresses clients, FlowCookies cookies,
                     PasswordPolicy passwordPolicy, ObjectMapper json) {
        this.journeys = journeys;
        this.texts = texts;
        this.clients = clients;
        this.cookies = cookies;
        this.passwordPolicy = passwordPolicy;
        this.json = json;
    }

    @GetMapping("/")
    String home() {
        return "portal/index";
    }

    @GetMapping("/" + JOURNEYS)
    String show(@PathVariable String journey, HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        PortalJourney portalJourney = journey(journey);
        Optional<FlowCookies.Stored> stored = cookies.read(request, portalJourney);
        if (stored.isEmpty()) {
            return startPage(portalJourney, model, null, List.of());
        }
        try {
            FlowView view = journeys.read(portalJourney.kind(), stored.get().flowId(), stored.get().token(), locale);
            return flowPage(portalJourney, view, view.errors(), Map.of(), model);
        } catch (JourneyExceptions.FlowNotFound gone) {
            cookies.forget(response, portalJourney);
            model.addAttribute("notice", "portal.notice.flowGone");
            return startPage(portalJourney, model, null, List.of());
        }
    }

    @PostMapping("/" + JOURNEYS + "/start")
    String start(@PathVariable String journey, @RequestParam(name = "username", required = false) String username,
                 HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        PortalJourney portalJourney = journey(journey);
        String client = clients.of(request);
        clients.checkRequest(client);
        try {
            FlowView view = journeys.start(portalJourney.kind(), username, client, locale);
            cookies.write(response, portalJourney, view.flowId(), view.flowToken());
            return "redirect:" + portalJourney.path();
        } catch (JourneyExceptions.InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return startPage(portalJourney, model, username, texts.fieldErrors(invalid.errors(), locale));
        }
    }

    @PostMapping("/" + JOURNEYS + "/steps/{key}")
    String submit(@PathVariable String journey, @PathVariable String key, @RequestParam MultiValueMap<String, String> parameters,
                  HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        PortalJourney portalJourney = journey(journey);
        clients.checkRequest(clients.of(request));
        Optional<FlowCookies.Stored> stored = cookies.read(request, portalJourney);
        if (stored.isEmpty()) {
            return "redirect:" + portalJourney.path();
        }
        String flowId = stored.get().flowId();
        String token = stored.get().token();
        try {
            FlowView current = journeys.read(portalJourney.kind(), flowId, token, locale);
            if (current.step() == null || !current.step().key().equals(key)) {
                return "redirect:" + portalJourney.path();
            }
            StepPage page = StepPage.of(current.step(), List.of(), Map.of());
            Map<String, String> submitted = submitted(page, parameters);
            try {
                journeys.submit(portalJourney.kind(), flowId, token, key, values(page, submitted), locale);
                return "redirect:" + portalJourney.path();
            } catch (JourneyExceptions.StepRejected rejected) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return flowPage(portalJourney, rejected.view(), rejected.view().errors(), submitted, model);
            } catch (JourneyExceptions.InvalidInput invalid) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return flowPage(portalJourney, current, texts.fieldErrors(invalid.errors(), locale), submitted, model);
            } catch (JourneyExceptions.TryAgain busy) {
                // nothing was taken or counted: the same form again, with the reason, to be sent once more
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader("Retry-After", Long.toString(busy.retryAfterSeconds()));
                return flowPage(portalJourney, current, texts.fieldErrors(new FieldErrors().add(FieldErrors.FORM, "TRY_AGAIN"), locale),
                        submitted, model);
            }
        } catch (JourneyExceptions.StaleStep stale) {
            return "redirect:" + portalJourney.path();
        } catch (JourneyExceptions.FlowNotFound gone) {
            cookies.forget(response, portalJourney);
            return "redirect:" + portalJourney.path();
        }
    }

    @PostMapping("/" + JOURNEYS + "/restart")
    String restart(@PathVariable String journey, HttpServletResponse response) {
        PortalJourney portalJourney = journey(journey);
        cookies.forget(response, portalJourney);
        return "redirect:" + portalJourney.path();
    }

    @ExceptionHandler(JourneyExceptions.TooManyRequests.class)
    String tooMany(JourneyExceptions.TooManyRequests e, HttpServletResponse response, Model model) {
        return tooManyRequestsPage(e, response, model);
    }

    static String tooManyRequestsPage(JourneyExceptions.TooManyRequests e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        model.addAttribute("status", HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("texts", Integer.toString(HttpStatus.TOO_MANY_REQUESTS.value()));
        return "portal/error";
    }

    private String startPage(PortalJourney journey, Model model, String username, List<FlowView.FieldError> errors) {
        model.addAttribute("journey", journey.segment());
        model.addAttribute("username", username);
        model.addAttribute("errors", errors);
        return "portal/start";
    }

    private String flowPage(PortalJourney journey, FlowView view, List<FlowView.FieldError> errors, Map<String, String> submitted, Model model) {
        model.addAttribute("journey", journey.segment());
        model.addAttribute("view", view);
        model.addAttribute("refresh", view.step() == null && view.status() == org.resetflow.shared.JourneyStatus.ACTIVE);
        if (view.step() != null) {
            StepPage page = StepPage.of(view.step(), errors, submitted);
            model.addAttribute("page", page);
            model.addAttribute("errorCount", errors.size());
            model.addAttribute("passwordRules", passwordPolicy.describe());
        }
        return "portal/flow";
    }

    /** What the browser sent for the step's fields, and nothing else (not the CSRF token, not unknown fields). */
    private static Map<String, String> submitted(StepPage page, MultiValueMap<String, String> parameters) {
        Map<String, String> submitted = new LinkedHashMap<>();
        for (String key : page.fieldKeys()) {
            String value = parameters.getFirst(key);
            if (value != null) {
                submitted.put(key, value);
            }
        }
        return submitted;
    }

    private ObjectNode values(StepPage page, Map<String, String> submitted) {
        ObjectNode values = json.createObjectNode();
        for (StepPage.Component component : page.components()) {
            if (component.key() == null || !submitted.containsKey(component.key())) {
                continue;
            }
            String value = submitted.get(component.key());
            if ("checkbox".equals(component.type())) {
                values.put(component.key(), "true".equals(value) || "on".equals(value));
            } else if (!value.isEmpty()) {
                values.put(component.key(), value);
            }
        }
        return values;
    }

    private static PortalJourney journey(String segment) {
        return PortalJourney.of(segment).orElseThrow();
    }
}

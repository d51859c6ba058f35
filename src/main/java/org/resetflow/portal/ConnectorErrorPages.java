package org.resetflow.portal;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The error page for what Tomcat refuses before ResetFlow sees the request: an address it cannot decode
 * ({@code /reset%ZZ}, an encoded {@code /} or a {@code %00}), a request line it cannot read. Tomcat answers those
 * through its host's error report valve, which Spring Boot configures to a bare "HTTP Status 400" page; this one
 * renders the portal's error page ({@code templates/portal/error.html}) instead, in the browser's language, with no
 * stack trace or server version. Answers that ResetFlow wrote itself pass through untouched.
 */
@Component
class ConnectorErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConnectorErrorPages.class);

    private final ObjectProvider<ITemplateEngine> templates;
    private final ObjectProvider<LocaleResolver> locales;
    private final ObjectProvider<PortalModel> portal;

    ConnectorErrorPages(ObjectProvider<ITemplateEngine> templates, ObjectProvider<LocaleResolver> locales, ObjectProvider<PortalModel> portal) {
        this.templates = templates;
        this.locales = locales;
        this.portal = portal;
    }

    /** After Spring Boot's own customizer, whose bare valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // the host adds a valve of this class at its start unless it finds one
            host.setErrorReportValveClass(PortalErrorReportValve.class.getName());
            host.getPipeline().addValve(new PortalErrorReportValve(this));
        });
    }

    /** The page for this status, or null when it cannot be rendered (then Tomcat's bare page is the answer). */
    String render(Request request, Response response, ServletContext servletContext) {
        try {
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            HttpServletRequest refused = new Unmapped(request.getRequest(), servletContext);
            Locale locale = locales.getObject().resolveLocale(refused);
            Map<String, Object> page = new HashMap<>(ErrorPages.page(status == null ? HttpStatus.BAD_REQUEST : status, ""));
            page.put("branding", portal.getObject().branding(locale));
            page.put("lang", locale.getLanguage());
            WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
                    .buildExchange(refused, response.getResponse()), locale, page);
            return templates.getObject().process(ErrorPages.TEMPLATE, context);
        } catch (RuntimeException unrenderable) {
            log.warn("The error page for a request Tomcat refused could not be rendered: {}", unrenderable.toString());
            return null;
        }
    }

    /**
     * A request Tomcat refused before mapping it to the application: it has no servlet context, no session, and its
     * attributes cannot be set (Tomcat would tell the context's listeners), so the page keeps its own.
     */
    private static final class Unmapped extends HttpServletRequestWrapper {

        private final ServletContext servletContext;
        private final Map<String, Object> attributes = new HashMap<>();

        Unmapped(HttpServletRequest request, ServletContext servletContext) {
            super(request);
            this.servletContext = servletContext;
        }

        @Override
        public ServletContext getServletContext() {
            return servletContext;
        }

        @Override
        public String getContextPath() {
            return servletContext.getContextPath();
        }

        @Override
        public HttpSession getSession(boolean create) {
            return null;
        }

        @Override
        public HttpSession getSession() {
            return null;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }

    /** Tomcat's error report valve, with the portal's page as its report. */
    public static final class PortalErrorReportValve extends ErrorReportValve {

        private final ConnectorErrorPages pages;

        PortalErrorReportValve(ConnectorErrorPages pages) {
            this.pages = pages;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.isErrorReportRequired()) {
                return;
            }
            ServletContext servletContext = servletContext();
            String page = servletContext == null ? null : pages.render(request, response, servletContext);
            if (page == null) {
                super.report(request, response, throwable);
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get() || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Referrer-Policy", "no-referrer");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(page);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException gone) {
                // the client left, or the response was committed meanwhile: nothing more to say
            }
        }

        /** The application's servlet context: a refused request is mapped to none. */
        private ServletContext servletContext() {
            for (Container child : getContainer().findChildren()) {
                if (child instanceof Context context) {
                    return context.getServletContext();
                }
            }
            return null;
        }
    }
}

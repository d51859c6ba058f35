package org.resetflow.config;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Two client errors that the engine's REST API ({@code /engine-rest}, Jersey) answers with a 500, because Camunda's
 * catch-all mapper does not know them, now answer 400 in Camunda's own error shape, with one log line without the
 * value: a request header Jersey cannot parse (such as {@code Accept-Encoding: ;x}), and a POST without a body to a
 * query endpoint ({@code /engine-rest/task}, {@code /engine-rest/job}), which hands Camunda's resource a null body
 * that it dereferences. Anything else stays a 500 as Camunda answers it. Camunda's files are not changed: the
 * mappers are added to its Jersey application through Spring Boot's customizer; being more specific than Camunda's
 * mapper of every {@link Throwable}, they are the ones Jersey picks for these exceptions.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    @Override
    public void customize(ResourceConfig config) {
        config.register(MissingBody.class);
        config.register(UnreadableHeader.class);
    }

    static final class UnreadableHeader implements ExceptionMapper<HeaderValueException> {

        @Override
        public Response toResponse(HeaderValueException e) {
            if (e.getContext() == HeaderValueException.Context.INBOUND) {
                log.info("Refused an engine REST request (400): a header that cannot be parsed");
                return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "A request header cannot be read.");
            }
            log.error("Unexpected failure in the engine's REST API", e);
            return answer(Response.Status.INTERNAL_SERVER_ERROR, "ServerError", "Something went wrong on our side.");
        }
    }

    static final class MissingBody implements ExceptionMapper<NullPointerException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(NullPointerException e) {
            if (withoutBody() && thrownByTheRestLayer(e)) {
                log.info("Refused an engine REST request (400): it needs a body and has none");
                return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "This request needs a JSON body.");
            }
            log.error("Unexpected failure in the engine's REST API", e);
            return answer(Response.Status.INTERNAL_SERVER_ERROR, "ServerError", "Something went wrong on our side.");
        }

        private boolean withoutBody() {
            if (headers == null || headers.getHeaderString("Transfer-Encoding") != null) {
                return false;
            }
            String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            return length == null || length.trim().equals("0");
        }

        /** Camunda's REST resources dereference the body they were given; the engine behind them is not involved. */
        private static boolean thrownByTheRestLayer(NullPointerException e) {
            StackTraceElement[] trace = e.getStackTrace();
            return trace.length > 0 && trace[0].getClassName().startsWith("org.camunda.bpm.engine.rest.");
        }
    }

    private static Response answer(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("type", type, "message", message)).build();
    }
}

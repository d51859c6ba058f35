package org.resetflow.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Text messages and calls through Twilio's REST API (Messages and Calls resources, HTTP Basic with the account SID
 * and auth token). A call reads its text (the code twice) with TwiML. A refusal by Twilio for the message itself
 * (an invalid number, say) is final; a failure of Twilio or the network is retried by the job that sends.
 */
@Component
@ConditionalOnExpression("!'${resetflow.channels.twilio.account-sid:}'.isBlank()")
class TwilioSender implements MessageSender {

    private final RestClient twilio;
    private final ChannelProperties.Twilio settings;
    private final ObjectMapper json;

    TwilioSender(ChannelProperties properties, ObjectMapper json) {
        this.settings = properties.twilio();
        if (settings.authToken().isBlank() || settings.fromNumber().isBlank()) {
            throw new IllegalStateException("resetflow.channels.twilio.account-sid is set, so auth-token and from-number must be set too");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.twilio = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(settings.baseUrl())
                .defaultHeaders(headers -> headers.setBasicAuth(settings.accountSid(), settings.authToken()))
                .build();
        this.json = json;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.SMS, Channel.VOICE);
    }

    @Override
    public void send(OutgoingMessage message) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", message.to());
        form.add("From", settings.fromNumber());
        String resource;
        if (message.channel() == Channel.SMS) {
            form.add("Body", message.body());
            resource = "Messages.json";
        } else if (message.channel() == Channel.VOICE) {
            form.add("Twiml", twiml(message.body(), message.locale()));
            resource = "Calls.json";
        } else {
            throw new IllegalArgumentException("Twilio sends text messages and calls, not " + message.channel());
        }
        try {
            twilio.post()
                    .uri("/2010-04-01/Accounts/{account}/{resource}", settings.accountSid(), resource)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        String reason = reason(response.getBody().readAllBytes());
                        int status = response.getStatusCode().value();
                        String what = message.channel() + " to " + message.to() + " refused by Twilio (HTTP " + status + reason + ")";
                        if (status == 429 || status >= 500 || status == 401 || status == 403) {
                            throw new DeliveryFailedException(what);
                        }
                        throw new DeliveryRefusedException(what);
                    })
                    .toBodilessEntity();
        } catch (ResourceAccessException unreachable) {
            throw new DeliveryFailedException(message.channel() + " to " + message.to() + " could not reach Twilio: "
                    + unreachable.getClass().getSimpleName());
        }
    }

    /** Twilio's error code and text, which name the problem (21211: invalid 'To' number) and never the message. */
    private String reason(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            return error.hasNonNull("code") ? ", error " + error.get("code").asText() + ": " + error.path("message").asText("") : "";
        } catch (IOException notJson) {
            return "";
        }
    }

    static String twiml(String text, Locale locale) {
        String language = locale != null && locale.getLanguage().equals("de") ? "de-DE" : "en-US";
        return "<Response><Say language=\"" + language + "\">" + HtmlUtils.htmlEscape(text) + "</Say><Pause length=\"1\"/></Response>";
    }
}

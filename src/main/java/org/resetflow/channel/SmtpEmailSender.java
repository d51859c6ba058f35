package org.resetflow.channel;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP ({@code spring.mail.*}: host, port, username, password, STARTTLS), active whenever
 * {@code spring.mail.host} is set: plain text and HTML as alternatives of one message.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class SmtpEmailSender implements MessageSender {

    private static final String UTF_8 = "UTF-8";

    private final JavaMailSender mailSender;
    private final ChannelProperties properties;

    SmtpEmailSender(JavaMailSender mailSender, ChannelProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.EMAIL);
    }

    @Override
    public void send(OutgoingMessage message) {
        try {
            MimeMessage mail = mailSender.createMimeMessage();
            mail.setFrom(new InternetAddress(properties.mailFrom()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to()));
            mail.setSubject(message.subject(), UTF_8);
            if (message.html() == null) {
                mail.setText(message.body(), UTF_8);
            } else {
                // multipart/alternative: mail clients show the HTML, or the plain text where HTML is not wanted
                MimeMultipart alternatives = new MimeMultipart("alternative");
                alternatives.addBodyPart(part(message.body(), "plain"));
                alternatives.addBodyPart(part(message.html(), "html"));
                mail.setContent(alternatives);
            }
            mail.saveChanges();
            mailSender.send(mail);
        } catch (MailException | MessagingException e) {
            // The exception's message may quote the message; keep the body (and its code) out of logs and incidents.
            throw new DeliveryFailedException("Email to " + message.to() + " could not be sent: " + e.getClass().getSimpleName());
        }
    }
}

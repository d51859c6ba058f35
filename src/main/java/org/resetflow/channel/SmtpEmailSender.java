package org.resetflow.channel;

import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email over SMTP ({@code spring.mail.*}), active whenever {@code spring.mail.host} is set. */
@Component
@ConditionalOnProperty("spring.mail.host")
class SmtpEmailSender implements MessageSender {

    private final JavaMailSender mailSender;
    private final ChannelProperties properties;

    SmtpEmailSender(JavaMailSender mailSender, ChannelProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.EMAIL);
    }

    @Override
    public void send(OutgoingMessage message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.mailFrom());
        mail.setTo(message.to());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        try {
            mailSender.send(mail);
        } catch (MailException e) {
            // The exception's message may quote the message; keep the body (and its code) out of logs and incidents.
            throw new DeliveryFailedException("Email to " + message.to() + " could not be sent: " + e.getClass().getSimpleName());
        }
    }
}

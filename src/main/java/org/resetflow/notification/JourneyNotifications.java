package org.resetflow.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resetflow.channel.Channels;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.notme.NotMeLinks;
import org.resetflow.recoveryinfo.RecoveryInfo;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.springframework.stereotype.Component;

/** Who hears about a journey's outcome: the user on every registered address, and for administrators, their peers. */
@Component
public class JourneyNotifications {

    private final Channels channels;
    private final CloudDirectory cloud;
    private final RecoveryRegistrations registrations;
    private final NotMeLinks notMeLinks;

    public JourneyNotifications(Channels channels, CloudDirectory cloud, RecoveryRegistrations registrations, NotMeLinks notMeLinks) {
        this.channels = channels;
        this.cloud = cloud;
        this.registrations = registrations;
        this.notMeLinks = notMeLinks;
    }

    /** {@code delivery} names the sending step ({@code engine.Deliveries}): a retry of it sends only what did not go out. */
    public void tellUser(String delivery, Channels.Notice notice, Account account, Locale locale, Object detail) {
        tell(delivery, notice, account, locale, detail, null);
    }

    /**
     * Tells the user of a recovery of their account, with one "this was not me" link, bound to the journey, in every
     * message: on any of them the user can disown it. The link is issued in a transaction of its own, so that it
     * stays valid in the messages that went out even when the step fails after them and is retried; the retry's
     * messages carry a new link, and following any of the journey's links reports it, once ({@link NotMeLinks#issue}
     * commits it apart).
     */
    public void tellUserOfRecovery(String delivery, Channels.Notice notice, Account account, Locale locale, NotMeLinks.Binding journey) {
        tell(delivery, notice, account, locale, null, notMeLinks.issue(journey));
    }

    private void tell(String delivery, Channels.Notice notice, Account account, Locale locale, Object detail, String notMeLink) {
        RecoveryInfo info = registrations.find(RecoveryRegistrations.accountKey(account.username()));
        Set<String> emails = new LinkedHashSet<>();
        emails.add(account.mail());
        emails.add(info.alternateEmail());
        channels.notify(delivery, notice, account.username(), emails, info.mobilePhone(), locale, detail, notMeLink);
    }

    public void tellOtherAdministrators(String delivery, Account resetAccount, List<String> administratorGroups, Locale locale) {
        cloud.findMembers(administratorGroups).stream()
                .filter(admin -> !admin.username().equalsIgnoreCase(resetAccount.username()))
                .filter(admin -> admin.mail() != null && !admin.mail().isBlank())
                .forEach(admin -> channels.notifyAdministrator(delivery, admin.mail(), resetAccount.username(), locale));
    }
}

package nl.tijdig.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import nl.tijdig.events.Channel;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.domain.LetterModel;
import nl.tijdig.notification.store.Communications;

/**
 * Email over SMTP (quarkus-mailer): the letter as HTML and plain text, with the letter as PDF attached; From
 * the configured address in the creditor's name, Reply-To the creditor; the Message-ID the one recorded for
 * the communication. A 5xx reply (a recipient or message refused) is permanent; anything else is tried again.
 */
@ApplicationScoped
public class EmailConnector implements ChannelConnector {

    private static final Map<ReminderDue.Kind, String> NL_FILE = Map.of(ReminderDue.Kind.PRE_DUE_NOTICE, "betalingsherinnering",
            ReminderDue.Kind.REMINDER, "herinnering", ReminderDue.Kind.FINAL_NOTICE, "aanmaning",
            ReminderDue.Kind.FOURTEEN_DAY_LETTER, "veertiendagenbrief");
    private static final Map<ReminderDue.Kind, String> EN_FILE = Map.of(ReminderDue.Kind.PRE_DUE_NOTICE, "payment-notice",
            ReminderDue.Kind.REMINDER, "reminder", ReminderDue.Kind.FINAL_NOTICE, "final-notice",
            ReminderDue.Kind.FOURTEEN_DAY_LETTER, "final-reminder");

    @Inject
    Mailer mailer;

    @Inject
    NotificationConfig config;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Communications.Claimed c, Communications.Rendered content) {
        ReminderDue reminder = c.reminder();
        Mail mail = Mail.withHtml(c.recipient(), content.subject(), content.html())
                .setText(content.text())
                .setFrom(from(reminder.creditor().name()))
                .addAttachment(fileName(reminder), content.pdf(), "application/pdf")
                .addHeader("Message-ID", c.providerMessageId())
                .addHeader("X-Tijdig-Communication", c.communicationId().toString());
        config.email().bounceAddress().ifPresent(mail::setBounceAddress);
        if (reminder.creditor().email() != null) {
            mail.setReplyTo(reminder.creditor().email());
        }
        deliver(mail);
    }

    /** Mail to the creditor (the weekly overview), From the configured address, with a stable Message-ID. */
    public void sendToCreditor(String to, String subject, String html, String text, String messageId) {
        Mail mail = Mail.withHtml(to, subject, html).setText(text).setFrom(config.email().from()).addHeader("Message-ID", messageId);
        config.email().bounceAddress().ifPresent(mail::setBounceAddress);
        deliver(mail);
    }

    /** Hands the mail to the SMTP server; a 5xx reply is permanent, anything else passing. */
    private void deliver(Mail mail) {
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            SMTPException smtp = smtp(e);
            if (smtp != null) {
                throw new DeliveryFailed("SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage(), smtp.isPermanent(), e);
            }
            throw new DeliveryFailed("SMTP: " + e.getMessage(), false, e);
        }
    }

    /** {@code "Creditor B.V." <noreply@…>}: the configured address, in the creditor's name. */
    String from(String creditorName) {
        String configured = config.email().from();
        int open = configured.indexOf('<');
        String address = open >= 0 ? configured.substring(open + 1, configured.indexOf('>', open)) : configured.strip();
        return "\"" + creditorName.replace("\\", "").replace("\"", "") + "\" <" + address + ">";
    }

    static String fileName(ReminderDue reminder) {
        boolean en = "en".equals(LetterModel.language(reminder));
        String name = (en ? EN_FILE : NL_FILE).get(reminder.kind());
        return name + "-" + reminder.invoices().get(0).invoiceNumber().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    private static SMTPException smtp(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }
}

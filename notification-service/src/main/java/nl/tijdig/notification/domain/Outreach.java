package nl.tijdig.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.Channel;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.ReminderDue;

/**
 * Which communications a ReminderDue makes: one per channel it names (a phone call is a PhoneCallDue, not a
 * letter, so PHONE makes none), each to the debtor's address for that channel. A channel the debtor has no
 * address for is a communication that fails at once, permanently, so dunning can fall back.
 */
public final class Outreach {

    private Outreach() {
    }

    /** One communication: its stable id, channel and recipient, or why it cannot go out. */
    public record Planned(UUID communicationId, Channel channel, String recipient, String unreachable) {

        public boolean reachable() {
            return unreachable == null;
        }
    }

    public static List<Planned> plan(ReminderDue reminder) {
        List<Planned> planned = new ArrayList<>();
        for (Channel channel : reminder.channels().stream().distinct().toList()) {
            if (channel == Channel.PHONE) {
                continue;
            }
            UUID id = Delivery.communicationId(reminder.reminderId(), channel.name());
            String recipient = recipient(reminder.debtor(), channel);
            planned.add(recipient == null
                    ? new Planned(id, channel, null, "the debtor has no " + what(channel))
                    : new Planned(id, channel, recipient, null));
        }
        return planned;
    }

    /** The debtor's address on the channel, or null. */
    static String recipient(DebtorContact debtor, Channel channel) {
        return switch (channel) {
            case EMAIL -> blankToNull(debtor.email());
            case SMS, PHONE -> blankToNull(debtor.phone());
            case LETTER, REGISTERED_LETTER -> debtor.address() == null ? null
                    : String.join(", ", LetterModel.addressLines(debtor.address()));
        };
    }

    private static String what(Channel channel) {
        return switch (channel) {
            case EMAIL -> "email address";
            case SMS, PHONE -> "phone number";
            case LETTER, REGISTERED_LETTER -> "postal address";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

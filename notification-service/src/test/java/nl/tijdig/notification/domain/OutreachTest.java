package nl.tijdig.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.tijdig.events.Channel;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.ReminderDue;
import org.junit.jupiter.api.Test;

class OutreachTest {

    static ReminderDue example(List<Channel> channels, String email, String phone) {
        ReminderDue e = EventExamples.event(ReminderDue.class);
        DebtorContact d = e.debtor();
        return new ReminderDue(e.tenantId(), e.caseId(), e.reminderId(), e.step(), e.kind(), channels,
                new DebtorContact(d.debtorId(), d.name(), d.segment(), d.language(), email, d.emailAgreed(), phone, d.address(),
                        d.kvkNumber()),
                e.creditor(), e.invoices(), e.totalOpen(), e.collectionCosts(), e.interest(), e.totalDue(), e.paymentReference(),
                e.payLink(), e.letterDate(), e.payWithinDays(), e.occurredAt());
    }

    @Test
    void a_reminder_makes_one_communication_per_channel_to_the_debtors_address_for_it() {
        // given a reminder by email, letter and SMS (PHONE named too, and EMAIL twice)
        ReminderDue r = example(List.of(Channel.EMAIL, Channel.LETTER, Channel.SMS, Channel.PHONE, Channel.EMAIL),
                "a@b.nl", "+31612345678");
        // when planned
        List<Outreach.Planned> planned = Outreach.plan(r);
        // then one each, a phone call not among them, each to its address, with ids that do not change
        assertThat(planned).extracting(Outreach.Planned::channel).containsExactly(Channel.EMAIL, Channel.LETTER, Channel.SMS);
        assertThat(planned).extracting(Outreach.Planned::recipient)
                .containsExactly("a@b.nl", "Keizersgracht 123, 1015 CJ  Amsterdam", "+31612345678");
        assertThat(planned).allMatch(Outreach.Planned::reachable);
        assertThat(Outreach.plan(r)).extracting(Outreach.Planned::communicationId)
                .isEqualTo(planned.stream().map(Outreach.Planned::communicationId).toList());
        assertThat(planned.get(0).communicationId()).isEqualTo(Delivery.communicationId(r.reminderId(), "EMAIL"));
    }

    @Test
    void a_channel_the_debtor_has_no_address_for_cannot_be_used() {
        // given a debtor without email address or phone number
        ReminderDue r = example(List.of(Channel.EMAIL, Channel.SMS), "  ", null);
        // when planned, then both are unreachable, saying why
        assertThat(Outreach.plan(r)).extracting(Outreach.Planned::unreachable)
                .containsExactly("the debtor has no email address", "the debtor has no phone number");
    }
}

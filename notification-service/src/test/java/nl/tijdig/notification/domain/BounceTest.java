package nl.tijdig.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BounceTest {

    static final String HEADERS = "Subject: Aanmaning\r\nMessage-ID:\r\n <abc@tijdig.local>\r\n\r\n";

    @Test
    void a_failed_recipient_in_a_delivery_status_is_a_bounce_of_the_returned_message() {
        String status = "Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; jan@example.nl\r\nAction: failed\r\n"
                + "Status: 5.2.2\r\nDiagnostic-Code: smtp; 552 mailbox full\r\n";
        Bounce bounce = Bounce.parse(status, HEADERS).orElseThrow();
        assertThat(bounce.messageId()).isEqualTo("<abc@tijdig.local>");
        assertThat(bounce.recipient()).isEqualTo("jan@example.nl");
        assertThat(bounce.permanent()).isTrue();
        assertThat(bounce.reason()).isEqualTo("bounced: 5.2.2 552 mailbox full (jan@example.nl)");
    }

    @Test
    void a_delay_or_a_report_about_no_message_is_not_a_bounce() {
        String delayed = "Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; jan@example.nl\r\nAction: delayed\r\nStatus: 4.4.1\r\n";
        assertThat(Bounce.parse(delayed, HEADERS)).isEmpty();
        assertThat(Bounce.parse("Action: failed\r\nStatus: 5.1.1\r\n", "Subject: x\r\n")).isEmpty();
        assertThat(Bounce.parse(null, HEADERS)).isEmpty();
    }
}

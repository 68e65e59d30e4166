package nl.tijdig.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class LetterModelTest {

    @Test
    void amounts_and_dates_are_written_the_way_the_language_writes_them() {
        assertThat(LetterModel.money(Money.eur("1210.5"), false)).isEqualTo("€ 1.210,50");
        assertThat(LetterModel.money(Money.eur("1210.5"), true)).isEqualTo("€ 1,210.50");
        assertThat(LetterModel.date(LocalDate.of(2026, 10, 1), false)).isEqualTo("1 oktober 2026");
        assertThat(LetterModel.date(LocalDate.of(2026, 10, 1), true)).isEqualTo("1 October 2026");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_letter_model_holds_what_the_contract_example_says() {
        // given the dunning-service's example
        ReminderDue r = EventExamples.event(ReminderDue.class);
        // when made into the letter's model
        Map<String, Object> l = LetterModel.of(r);
        // then
        assertThat(l).containsEntry("language", "nl").containsEntry("invoiceNumbers", "2026-00042, 2026-00057")
                .containsEntry("totalDue", "€ 952,00").containsEntry("hasCosts", false)
                .containsEntry("paymentReference", "5000056789012345").containsEntry("firstDueDate", "1 oktober 2026")
                .containsEntry("letterDate", "22 oktober 2026").containsEntry("payWithinDays", 7);
        assertThat((Map<String, Object>) l.get("creditor")).containsEntry("iban", "NL91ABNA0417164300");
        assertThat((List<Map<String, Object>>) l.get("invoices")).extracting(i -> i.get("open"))
                .containsExactly("€ 589,00", "€ 363,00");
        assertThat((Map<String, Object>) l.get("debtor")).containsEntry("addressLines", List.of("Keizersgracht 123", "1015 CJ  Amsterdam"));
    }

    @Test
    void a_debtor_in_another_language_gets_dutch_and_one_in_english_english() {
        ReminderDue r = EventExamples.event(ReminderDue.class);
        nl.tijdig.events.DebtorContact d = r.debtor();
        for (var language : Map.of("de", "nl", "EN", "en", "nl", "nl").entrySet()) {
            ReminderDue in = new ReminderDue(r.tenantId(), r.caseId(), r.reminderId(), r.step(), r.kind(), r.channels(),
                    new nl.tijdig.events.DebtorContact(d.debtorId(), d.name(), d.segment(), language.getKey(), d.email(),
                            d.emailAgreed(), d.phone(), d.address(), d.kvkNumber()),
                    r.creditor(), r.invoices(), r.totalOpen(), r.collectionCosts(), r.interest(), r.totalDue(),
                    r.paymentReference(), r.payLink(), r.letterDate(), r.payWithinDays(), r.occurredAt());
            assertThat(LetterModel.language(in)).as(language.getKey()).isEqualTo(language.getValue());
        }
    }
}

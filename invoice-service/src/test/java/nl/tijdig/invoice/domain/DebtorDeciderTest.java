package nl.tijdig.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.Violation;
import java.util.List;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.DebtorUpdated;
import nl.tijdig.events.InvoiceEvent;
import nl.tijdig.testing.decider.DeciderSpec;
import org.junit.jupiter.api.Test;

class DebtorDeciderTest {

    static final Address AMSTERDAM = new Address("Keizersgracht 123", "1015 CJ", "Amsterdam", "NL");
    static final Address ANTWERPEN = new Address("Meir 1", "2000", "Antwerpen", "BE");

    static RegisterDebtor business(String kvk, String vatId, String iban) {
        return new RegisterDebtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.BUSINESS, "Bakkerij De Gouden Korst B.V.",
                AMSTERDAM, kvk, vatId, "administratie@goudenkorst.nl", "nl", iban, null, OptionalInt.empty(), false);
    }

    private static final nl.tijdig.kernel.TenantId TENANT = new nl.tijdig.kernel.TenantId(UUID.randomUUID());
    private static final java.time.Instant AT = java.time.Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void given_a_registered_debtor_a_second_registration_changes_nothing_and_a_change_is_published_whole() {
        DeciderSpec<DebtorDecider.Command, Debtor, InvoiceEvent> spec = DeciderSpec.of(DebtorDecider.DECIDER);
        RegisterDebtor bakery = business("12345678", null, "nl91 abna 0417 1643 00");

        // when it is registered, it is published with its IBAN in normal form
        List<InvoiceEvent> registered = spec.given().when(new DebtorDecider.Register(TENANT, bakery, AT)).decided();
        assertThat(((DebtorRegistered) registered.get(0)).debtor().iban()).isEqualTo("NL91ABNA0417164300");

        // then registering it again changes nothing, a change is DebtorUpdated, and bad data or no debtor is refused
        spec.given(registered).when(new DebtorDecider.Register(TENANT, bakery, AT)).thenNothing();
        RegisterDebtor moved = new RegisterDebtor(bakery.id(), bakery.kind(), bakery.name(), ANTWERPEN, null, "BE0123456789",
                bakery.email(), "en", bakery.iban(), null, OptionalInt.empty(), false);
        assertThat(spec.given(registered).when(new DebtorDecider.Change(TENANT, moved, AT)).decided())
                .singleElement().isInstanceOf(DebtorUpdated.class);
        spec.given(registered).when(new DebtorDecider.Change(TENANT, business("1234", null, null), AT)).thenRefused("kvkNumber");
        spec.given().when(new DebtorDecider.Change(TENANT, bakery, AT)).thenRefused("id");
    }

    @Test
    void a_dutch_business_is_registered_as_b2b_with_its_iban_in_normal_form() {
        RegisterDebtor command = business("12345678", "NL123456789B01", "nl91 abna 0417 1643 00");

        assertThat(DebtorDecider.validate(command)).isEmpty();
        Debtor debtor = DebtorDecider.register(command);

        assertThat(debtor.segment()).isEqualTo(Segment.B2B);
        assertThat(debtor.iban()).isEqualTo("NL91ABNA0417164300");
        assertThat(debtor.language()).isEqualTo("nl");
    }

    @Test
    void a_dutch_business_needs_its_kvk_number_a_foreign_one_does_not() {
        assertThat(DebtorDecider.validate(business(null, null, null))).extracting(Violation::field, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kvkNumber", "is required for a Dutch business"));
        RegisterDebtor belgian = new RegisterDebtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.BUSINESS, "Bakkerij Brood BV",
                ANTWERPEN, null, "BE0123456789", null, "en", null, null, OptionalInt.empty(), false);
        assertThat(DebtorDecider.validate(belgian)).isEmpty();
    }

    @Test
    void malformed_identifiers_email_iban_and_language_are_each_named() {
        RegisterDebtor bad = new RegisterDebtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.BUSINESS, "X B.V.", AMSTERDAM,
                "1234", "NL12345B01", "not-an-address", "de", "NL91ABNA0417164301", null, OptionalInt.empty(), false);
        assertThat(DebtorDecider.validate(bad)).extracting(Violation::field)
                .containsExactlyInAnyOrder("kvkNumber", "vatId", "email", "language", "iban");
    }

    @Test
    void a_consumer_is_b2c_and_has_no_kvk_number_or_vat_id() {
        RegisterDebtor consumer = new RegisterDebtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.CONSUMER, "J. de Vries",
                AMSTERDAM, "12345678", "NL123456789B01", null, null, null, null, OptionalInt.empty(), false);
        assertThat(DebtorDecider.validate(consumer)).extracting(Violation::field).containsExactlyInAnyOrder("kvkNumber", "vatId");
        RegisterDebtor plain = new RegisterDebtor(consumer.id(), Debtor.Kind.CONSUMER, "J. de Vries", AMSTERDAM, null, null,
                null, null, null, null, OptionalInt.empty(), false);
        assertThat(DebtorDecider.register(plain).segment()).isEqualTo(Segment.B2C);
    }

    @Test
    void the_segment_can_be_overridden_and_a_long_b2b_term_needs_an_agreement() {
        RegisterDebtor soleTrader = new RegisterDebtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.BUSINESS, "Jan Klus",
                AMSTERDAM, "12345678", null, null, null, null, Segment.B2C, OptionalInt.of(90), false);
        assertThat(DebtorDecider.validate(soleTrader)).isEmpty(); // treated as a consumer: no 60-day limit
        assertThat(DebtorDecider.register(soleTrader).segment()).isEqualTo(Segment.B2C);

        RegisterDebtor longTerm = new RegisterDebtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.BUSINESS, "X B.V.",
                AMSTERDAM, "12345678", null, null, null, null, null, OptionalInt.of(90), false);
        assertThat(DebtorDecider.validate(longTerm)).extracting(Violation::field).containsExactly("termDays");
    }

    @Test
    void name_address_and_kind_are_required() {
        RegisterDebtor empty = new RegisterDebtor(new DebtorId(UUID.randomUUID()), null, " ",
                new Address("Keizersgracht 1", null, "Amsterdam", "NL"), null, null, null, null, null, null, null, false);
        assertThat(DebtorDecider.validate(empty)).extracting(Violation::field)
                .containsExactlyInAnyOrder("kind", "name", "address.postalCode");
    }
}

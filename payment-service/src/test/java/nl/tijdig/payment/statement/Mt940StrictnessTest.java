package nl.tijdig.payment.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.StatementCheck;
import nl.tijdig.payment.domain.StatementEntry;
import org.junit.jupiter.api.Test;

/** MT940 that is cut off or damaged is refused whole, naming the line; balances are checked against the entries. */
class Mt940StrictnessTest {

    static final String RABOBANK = """
            :940:
            :20:940S261120
            :25:NL34RABO0142623393 EUR
            :28C:0
            :60F:C261119EUR000000004433,52
            :61:261120C000000000400,00N541NONREF
            NL66RABO0160878799
            :86:/ORDP//NAME/R. SMITH/REMI/Factuur R-400/ISDT/2026-11-20
            :61:261120D000000000033,52N541NONREF
            :86:/BENM//NAME/ENECO/REMI/Energie november
            :62F:C261120EUR000000004800,00
            """;

    static final String ING = """
            {1:F01INGBNL2ABXXX0000000000}
            {2:I940INGBNL2AXXXN}
            {4:
            :20:P261120000000001
            :25:NL77INGB0574908765EUR
            :28C:1
            :60F:C261119EUR662,23
            :61:2611201120C100,00NTRFEREF//00000000001
            :86:/EREF/E2E-1//CNTP/NL32INGB0000012345/INGBNL2A/J. JANSEN///REMI/STRD/CUR/5000056789012345/
            :61:2611201120RC100,00NRTIEREF//00000000002
            :86:/RTRN/MD06/EREF/E2E-1//CNTP/NL32INGB0000012345/INGBNL2A/J. JANSEN///
            :62F:C261120EUR662,23
            -}
            """;

    static StatementCheck check(String text) {
        return Mt940Reader.check(StatementFixtures.file(text));
    }

    @Test
    void a_whole_statement_is_read_and_its_balances_agree() {
        StatementCheck check = check(RABOBANK);

        assertThat(check.entries()).isEqualTo(2);
        assertThat(check.warnings()).isEmpty();
        assertThat(check.balances()).singleElement().satisfies(b -> {
            assertThat(b.matches()).isTrue();
            assertThat(b.booked()).isEqualByComparingTo("366.48");
        });
    }

    @Test
    void a_statement_without_its_closing_balance_is_cut_off_and_refused() {
        String cut = RABOBANK.substring(0, RABOBANK.indexOf(":61:261120D"));

        assertThatThrownBy(() -> check(cut)).isInstanceOfSatisfying(StatementFormatException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith("statement 1 (line 2)")
                        .contains(":62F:").contains("cut off"));
    }

    @Test
    void a_swift_message_without_its_end_is_cut_off_and_refused_even_when_another_follows() {
        String cut = ING.substring(0, ING.indexOf(":62F:")) + ING;

        assertThatThrownBy(() -> check(cut)).isInstanceOfSatisfying(StatementFormatException.class,
                e -> assertThat(e.problems()).first().asString().startsWith("message 1 (line 1)")
                        .contains("before the next message starts at line 12").contains("cut off"));
    }

    @Test
    void a_damaged_header_or_field_tag_is_refused_naming_the_line() {
        assertThatThrownBy(() -> check(RABOBANK.replace(":940:", ":94O:"))).isInstanceOfSatisfying(
                StatementFormatException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("line 1: ':94O:' is no MT940 header"));
        assertThatThrownBy(() -> check(RABOBANK.replace(":61:261120D", ":6l:261120D"))).isInstanceOfSatisfying(
                StatementFormatException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("line 9: ':6l:' is not an MT940 field"));
    }

    @Test
    void abn_amro_s_header_lines_are_a_header() {
        assertThat(check("ABNANL2A\n940\nABNANL2A\n" + RABOBANK.replace(":940:\n", "")).entries()).isEqualTo(2);
    }

    @Test
    void balances_that_do_not_add_up_are_a_warning_with_the_difference() {
        StatementCheck check = check(RABOBANK.replace("EUR000000004800,00", "EUR000000004900,00"));

        assertThat(check.entries()).isEqualTo(2);
        assertThat(check.balances()).singleElement().satisfies(b -> assertThat(b.difference()).isEqualByComparingTo("100.00"));
        assertThat(check.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.message()).contains("a difference of 100.00");
        });
    }

    @Test
    void a_reversed_credit_is_money_taken_back_and_a_structured_reference_is_kept_apart() {
        List<StatementEntry> entries = Mt940Reader.read(StatementFixtures.file(ING));

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).kind()).isEqualTo(StatementEntry.Kind.INCOMING);
        assertThat(entries.get(0).reference()).isEqualTo("5000056789012345");
        // RC: a credit reversed is a debit; with its return reason it takes the payment back
        assertThat(entries.get(1).credit()).isFalse();
        assertThat(entries.get(1).kind()).isEqualTo(StatementEntry.Kind.REVERSAL);
        assertThat(entries.get(1).returnReason()).isEqualTo("MD06");
        assertThat(entries.get(1).amount()).isEqualTo(Money.eur("100.00"));
        assertThat(check(ING).balances()).singleElement().satisfies(b -> assertThat(b.matches()).isTrue());
    }
}

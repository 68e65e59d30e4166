package nl.tijdig.payment.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.StatementCheck;
import nl.tijdig.payment.domain.StatementEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementReadersTest {

    static List<StatementEntry> camt(String xml) {
        Path file = StatementFixtures.file(xml);
        CamtReader.check(file);
        List<StatementEntry> entries = new ArrayList<>();
        CamtReader.read(file, entries::add);
        return entries;
    }

    @Test
    void our_camt_statement_gives_one_entry_per_transaction_with_references_and_kinds() {
        List<StatementEntry> entries = camt(StatementFixtures.text("camt053-first.xml"));

        assertThat(entries).extracting(StatementEntry::kind).containsExactly(StatementEntry.Kind.INCOMING,
                StatementEntry.Kind.INCOMING, StatementEntry.Kind.INCOMING, StatementEntry.Kind.INCOMING,
                StatementEntry.Kind.OTHER);
        StatementEntry structured = entries.get(0);
        assertThat(structured.account()).isEqualTo("NL91ABNA0417164300");
        assertThat(structured.amount()).isEqualTo(Money.eur("121.00"));
        assertThat(structured.remittance()).isEqualTo("REFERENCE-1");
        assertThat(structured.counterpartyIban()).isEqualTo("NL93RABO0123456780");
        assertThat(structured.counterpartyName()).isEqualTo("BAKKERIJ DE GOUDEN KORST BV");
        // the batch booking of 300.00 is its two collections, each with its own amount and end-to-end id
        assertThat(entries.subList(2, 4)).extracting(StatementEntry::amount)
                .containsExactly(Money.eur("100.00"), Money.eur("200.00"));
        assertThat(entries.subList(2, 4)).extracting(StatementEntry::endToEndId)
                .containsExactly("DD-2026-0001", "DD-2026-0002");
        assertThat(entries).extracting(StatementEntry::key).doesNotHaveDuplicates();
    }

    @Test
    void a_reversed_direct_debit_is_a_reversal_with_its_reason() {
        assertThat(camt(StatementFixtures.text("camt053-reversal.xml"))).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(StatementEntry.Kind.REVERSAL);
            assertThat(e.returnReason()).isEqualTo("MD06");
            assertThat(e.endToEndId()).isEqualTo("DD-2026-0001");
        });
    }

    @Test
    void a_malformed_statement_is_refused_whole_naming_the_line() {
        String broken = StatementFixtures.text("camt053-first.xml").replace("<Amt Ccy=\"EUR\">50.00</Amt>",
                "<Amt Ccy=\"EUR\">fifty</Amt>");
        Path file = StatementFixtures.file(broken);

        assertThatThrownBy(() -> CamtReader.check(file)).isInstanceOfSatisfying(StatementFormatException.class,
                e -> assertThat(e.problems()).first().asString().startsWith("line ").contains("'fifty' is not an amount"));
        Path notXml = StatementFixtures.file("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>");
        assertThatThrownBy(() -> CamtReader.check(notXml)).isInstanceOf(StatementFormatException.class);
    }

    /** The entries each real statement gives (files added to the samples later only have to be read). */
    static final Map<String, Integer> REAL_ENTRIES = Map.ofEntries(
            Map.entry("abnamro_voorbeeldbestand_CAMT053_Example.xml", 29),
            Map.entry("genkgo_camt053.v2.minimal.xml", 1),
            Map.entry("genkgo_camt053.v2.multi.statement.xml", 2),
            Map.entry("genkgo_camt053.v8.xml", 1),
            Map.entry("mpdroog_rabobank_CAMT053.xml", 9),
            Map.entry("oca_test-camt053-no-ntry.xml", 0),
            Map.entry("oca_test-camt053-txdtls_batch.xml", 2),
            Map.entry("oca_test-camt053_abnamro.xml", 4),
            Map.entry("viafintech_ing_valid_example_with_batch.xml", 3),
            Map.entry("viafintech_postfinance_valid_example_v4.xml", 32),
            Map.entry("viafintech_wise_valid_example_with_datetime_v10.xml", 1),
            Map.entry("oca_ing_test-ing.sta", 8),
            Map.entry("oca_rabobank_test-rabo.sta", 2),
            Map.entry("wolph-jejik_triodos.sta", 2),
            Map.entry("zilverline_knab_two_blocks.sta", 3),
            Map.entry("zilverline_rabobank_mt940_structured.sta", 9));

    static StatementCheck check(Path file) {
        return StatementImports.check(file, StatementImports.detect(file));
    }

    static List<StatementEntry> entries(Path file) {
        List<StatementEntry> entries = new ArrayList<>();
        if (StatementImports.detect(file) == StatementImports.Format.CAMT053) {
            CamtReader.read(file, entries::add);
        } else {
            Mt940Reader.read(file, entries::add);
        }
        return entries;
    }

    /**
     * Every real statement of {@code ../shared/samples/camt053} and {@code mt940} (files we did not write: banks'
     * examples and parser projects' test files, versions .001.02 to .001.10) is read, with the entries it holds;
     * where one deviates from its schema, that is a warning with line and column, never a refusal.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"camt053", "mt940"})
    void every_real_statement_is_read_with_its_entries(String folder) {
        for (Path file : StatementFixtures.real(folder)) {
            String name = file.getFileName().toString();
            StatementCheck check = check(file);
            List<StatementEntry> entries = entries(file);
            assertThat(entries).as(name).hasSize((int) check.entries()).allSatisfy(e -> {
                assertThat(e.account()).isNotBlank();
                assertThat(e.amount()).isNotNull();
                assertThat(e.bookingDate()).isNotNull();
            });
            if (REAL_ENTRIES.containsKey(name)) {
                assertThat(check.entries()).as(name).isEqualTo(REAL_ENTRIES.get(name).longValue());
            }
            assertThat(check.warnings()).as(name).allSatisfy(w -> assertThat(w.message()).isNotBlank());
        }
    }

    /** Every file of the samples' {@code invalid/} folders is refused, saying why. */
    @ParameterizedTest(name = "{0}/invalid")
    @ValueSource(strings = {"camt053", "mt940"})
    void every_invalid_real_statement_is_refused_saying_why(String folder) {
        List<Path> invalid = StatementFixtures.real(folder + "/invalid");
        assertThat(invalid).isNotEmpty();
        for (Path file : invalid) {
            assertThatThrownBy(() -> check(file)).as(file.getFileName().toString())
                    .isInstanceOfSatisfying(StatementFormatException.class, e -> assertThat(e.problems()).isNotEmpty()
                            .allSatisfy(p -> assertThat(p).isNotBlank()));
        }
    }

    @Test
    void the_real_statements_give_returns_reversals_batches_and_structured_references() {
        List<StatementEntry> abnAmro = entries(real("camt053", "abnamro_voorbeeldbestand_CAMT053_Example.xml"));
        assertThat(abnAmro).filteredOn(e -> e.kind() == StatementEntry.Kind.REVERSAL)
                .extracting(StatementEntry::returnReason).containsExactly("MS03", "MS03");
        // the acceptgiro batch: five details, each with its structured betalingskenmerk (SCOR, issuer CUR)
        assertThat(abnAmro).filteredOn(e -> "1234567812345678".equals(e.reference())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(entries(real("camt053", "oca_test-camt053_abnamro.xml")))
                .filteredOn(e -> e.kind() == StatementEntry.Kind.REVERSAL)
                .extracting(StatementEntry::returnReason).containsExactly("AC06", "AC06");
        assertThat(entries(real("camt053", "mpdroog_rabobank_CAMT053.xml"))).extracting(StatementEntry::remittance)
                .anySatisfy(r -> assertThat(r).contains("2016Q3-0004"));
        // .001.04: returns, reversals and batches as in .02
        List<StatementEntry> postFinance = entries(real("camt053", "viafintech_postfinance_valid_example_v4.xml"));
        assertThat(postFinance).filteredOn(e -> e.kind() == StatementEntry.Kind.REVERSAL).hasSize(2);
        assertThat(postFinance).filteredOn(e -> e.returnReason() != null).isNotEmpty();
        // .001.10: an account without IBAN, a booking date as date and time
        assertThat(entries(real("camt053", "viafintech_wise_valid_example_with_datetime_v10.xml"))).singleElement()
                .satisfies(e -> assertThat(e.amount().currency().getCurrencyCode()).isEqualTo("USD"));
        // an empty day statement: nothing to import, and its balances agree
        assertThat(check(real("camt053", "oca_test-camt053-no-ntry.xml")).balances()).singleElement()
                .satisfies(b -> assertThat(b.matches()).isTrue());
    }

    @Test
    void the_real_mt940_statements_give_counterparties_references_returns_and_balances() {
        List<StatementEntry> ing = entries(real("mt940", "oca_ing_test-ing.sta"));
        assertThat(ing).hasSize(8).allSatisfy(e -> assertThat(e.account()).isEqualTo("NL77INGB0574908765"));
        assertThat(ing).extracting(StatementEntry::reference).contains("9001123412341234");
        assertThat(ing).filteredOn(e -> "MS03".equals(e.returnReason())).hasSize(2);
        assertThat(ing.get(0).counterpartyIban()).isEqualTo("NL32INGB0000012345");
        assertThat(check(real("mt940", "oca_ing_test-ing.sta")).balances()).singleElement()
                .satisfies(b -> assertThat(b.matches()).isTrue());
        // Rabobank: four statements in one file, two with movements, each statement's balances checked
        List<StatementEntry> rabo = entries(real("mt940", "oca_rabobank_test-rabo.sta"));
        assertThat(rabo).hasSize(2);
        assertThat(rabo.get(0).counterpartyName()).isEqualTo("R. SMITH");
        assertThat(rabo.get(0).counterpartyIban()).isEqualTo("NL66RABO0160878799");
        assertThat(rabo.get(0).kind()).isEqualTo(StatementEntry.Kind.INCOMING);
        assertThat(check(real("mt940", "oca_rabobank_test-rabo.sta")).balances()).hasSize(4)
                .allSatisfy(b -> assertThat(b.matches()).isTrue());
        // Knab: two SWIFT messages in one file
        assertThat(check(real("mt940", "zilverline_knab_two_blocks.sta")).balances()).hasSize(2);
    }

    @Test
    void a_truncated_real_mt940_message_is_refused_naming_where_it_ends() {
        assertThatThrownBy(() -> check(real("mt940/invalid", "zilverline_knab_invalid.sta")))
                .isInstanceOfSatisfying(StatementFormatException.class, e -> assertThat(e.problems()).first().asString()
                        .contains("message 1 (line 1)").contains("cut off"));
    }

    private static Path real(String folder, String name) {
        return StatementFixtures.real(folder).stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among the samples"));
    }

    @Test
    void a_file_that_is_no_mt940_statement_is_refused() {
        assertThatThrownBy(() -> Mt940Reader.read(StatementFixtures.file("hello"))).isInstanceOf(StatementFormatException.class);
    }
}

package nl.tijdig.payment.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.Mandate;
import org.junit.jupiter.api.Test;

class SepaDocumentsTest {

    static final SepaDocuments.Account HELDER = new SepaDocuments.Account("Schoonmaakbedrijf Helder B.V.",
            "NL91ABNA0417164300", "ABNANL2A");
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    /** Validates against the ISO 20022 schema on its own (not through the writer). */
    static void assertSchemaValid(String xml, String schema) throws Exception {
        SepaDocuments.schema(schema).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void refunds_become_a_schema_valid_pain_001() throws Exception {
        // given two refunds, one to a bank without a BIC given and a name with accents and an ampersand
        List<SepaDocuments.Transfer> transfers = List.of(
                new SepaDocuments.Transfer("TRF0001", Money.eur("20.00"), "Café & Bakkerij Ünal", "NL44RABO0123456789",
                        null, "Terugbetaling tegoed"),
                new SepaDocuments.Transfer("TRF0002", Money.eur("5.5"), "Bloemist De Roos", "BE68539007547034",
                        "GKCCBEBB", "Terugbetaling tegoed"));

        // when the file is written
        String xml = SepaDocuments.creditTransfers("MSG-1", NOW, LocalDate.of(2026, 11, 24), HELDER, transfers);

        // then it is valid, counts and sums its transfers, and writes text as SEPA lets it through
        assertSchemaValid(xml, "iso20022/pain.001.001.09.xsd");
        assertThat(xml).contains(SepaDocuments.PAIN_001).contains("<NbOfTxs>2</NbOfTxs>").contains("<CtrlSum>25.50</CtrlSum>")
                .contains("<Nm>Cafe + Bakkerij Unal</Nm>")
                .contains("<ReqdExctnDt>").contains("<Dt>2026-11-24</Dt>").contains("<ChrgBr>SLEV</ChrgBr>");
    }

    @Test
    void collections_become_a_schema_valid_pain_008_one_block_per_scheme_and_sequence() throws Exception {
        Mandate core = new Mandate("MND-1", Mandate.Scheme.CORE, Mandate.Type.RECURRING, "NL44RABO0123456789", null,
                LocalDate.of(2026, 1, 5), false);
        Mandate b2b = new Mandate("MND-2", Mandate.Scheme.B2B, Mandate.Type.ONE_OFF, "NL91ABNA0417164300", "ABNANL2A",
                LocalDate.of(2026, 2, 5), false);
        List<SepaDocuments.Collection> collections = List.of(
                new SepaDocuments.Collection("TDD1", Money.eur("121.00"), core, Mandate.SequenceType.FRST, "Bakkerij",
                        "Factuur 2026-0101"),
                new SepaDocuments.Collection("TDD2", Money.eur("50.00"), core, Mandate.SequenceType.RCUR, "Bakkerij",
                        "Factuur 2026-0102"),
                new SepaDocuments.Collection("TDD3", Money.eur("30.00"), b2b, Mandate.SequenceType.OOFF, "Bloemist",
                        "Factuur 2026-0201"));

        String xml = SepaDocuments.directDebits("MSG-2", NOW, LocalDate.of(2026, 11, 25), HELDER, "NL24ZZZ302049230000",
                collections);

        assertSchemaValid(xml, "iso20022/pain.008.001.08.xsd");
        assertThat(xml).contains(SepaDocuments.PAIN_008).contains("<NbOfTxs>3</NbOfTxs>").contains("<CtrlSum>201.00</CtrlSum>")
                .contains("<SeqTp>FRST</SeqTp>").contains("<SeqTp>RCUR</SeqTp>").contains("<SeqTp>OOFF</SeqTp>")
                .contains("<Cd>B2B</Cd>").contains("<Cd>CORE</Cd>").contains("<MndtId>MND-1</MndtId>")
                .contains("<Id>NL24ZZZ302049230000</Id>").contains("<Prtry>SEPA</Prtry>")
                .contains("<ReqdColltnDt>2026-11-25</ReqdColltnDt>").contains("<Id>NOTPROVIDED</Id>");
        assertThat(xml.split("<PmtInf>", -1)).hasSize(4);
    }

    @Test
    void a_file_the_schema_refuses_is_never_written() {
        // an IBAN of lower-case letters breaks the schema's IBAN pattern
        List<SepaDocuments.Transfer> transfers = List.of(new SepaDocuments.Transfer("TRF0001", Money.eur("20.00"), "X",
                "nl02rabo0123456789", null, "Terugbetaling"));

        assertThatThrownBy(() -> SepaDocuments.creditTransfers("MSG-3", NOW, LocalDate.of(2026, 11, 24), HELDER, transfers))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("schema");
    }
}

package nl.tijdig.invoice.ubl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.invoice.domain.Address;
import nl.tijdig.invoice.domain.CreditorProfile;
import nl.tijdig.invoice.domain.Debtor;
import nl.tijdig.invoice.domain.UblDocument;
import nl.tijdig.invoice.domain.UblRules;
import nl.tijdig.kernel.Segment;
import org.junit.jupiter.api.Test;

class UblWriterTest {

    static final CreditorProfile SELLER = new CreditorProfile("Schoonmaakbedrijf Helder B.V.",
            new Address("Stationsplein 1", "3511 ED", "Utrecht", "NL"), "87654321", "NL001234567B01",
            "NL91ABNA0417164300", "ABNANL2A", "debiteuren@helder.nl", OptionalInt.of(30), OptionalInt.empty(), null,
            null, null);

    @Test
    void the_contract_example_invoice_is_written_as_valid_ubl_that_passes_the_business_rules() {
        // given the invoice of the InvoiceIssued contract example and its debtor
        InvoiceIssued issued = EventExamples.event(InvoiceIssued.class);
        Debtor buyer = new Debtor(issued.debtor().debtorId(), Debtor.Kind.BUSINESS, issued.debtor().name(),
                new Address("Keizersgracht 123", "1015 CJ", "Amsterdam", "NL"), "12345678", null,
                issued.debtor().email(), "nl", null, Segment.B2B, OptionalInt.empty());

        // when it is written as UBL
        byte[] xml = UblWriter.write(issued, SELLER, buyer);

        // then the OASIS schema accepts it, and read back it is the same invoice and breaks no rule
        assertThat(UblSchema.validate(xml)).isEmpty();
        UblDocument document = ((UblReader.Read) UblReader.read(xml)).document();
        assertThat(UblRules.check(document)).isEmpty();
        assertThat(document.number()).isEqualTo(issued.invoiceNumber());
        assertThat(document.issueDate()).isEqualTo(issued.issueDate());
        assertThat(document.dueDate()).isEqualTo(issued.dueDate());
        assertThat(document.deliveryDate()).isEqualTo(issued.deliveryDate());
        assertThat(document.orderReference()).isEqualTo(issued.purchaseOrder());
        assertThat(document.totals().payable()).isEqualByComparingTo(issued.totalInclVat().amount());
        assertThat(document.taxTotal()).isEqualByComparingTo(issued.vatTotal().amount());
        assertThat(document.lines()).hasSize(issued.lines().size());
        assertThat(document.paymentMeans()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("58");
            assertThat(m.paymentId()).isEqualTo(issued.paymentReference());
            assertThat(m.account()).isEqualTo(SELLER.iban());
        });
        assertThat(document.seller().vatId()).isEqualTo(SELLER.vatId());
        assertThat(document.buyer().legalId()).isEqualTo("12345678");
    }
}

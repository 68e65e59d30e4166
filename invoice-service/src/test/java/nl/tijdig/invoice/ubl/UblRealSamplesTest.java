package nl.tijdig.invoice.ubl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.tijdig.invoice.domain.UblDocument;
import nl.tijdig.invoice.domain.UblRules;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

/**
 * The real documents of public test suites ({@code ../shared/samples/ubl}): each valid one passes the
 * OASIS schema and is read; the business rules pass or name what the document breaks; each invalid one
 * is refused naming the rule it was written to break. Skipped, saying so, where the folder is absent.
 */
class UblRealSamplesTest {

    /** Real "valid" samples that still break a rule Tijdig checks, and the rule they break. */
    static final Map<String, String> KNOWN_RULE_BREAKS = Map.of(
            // line 1: 1 × 1273 − 12 + 10 is 1271, but its net amount is 1273 (NLCIUS does not check this)
            "nlcius_SI-UBL-2.0_ok_full.xml", "PEPPOL-EN16931-R120");

    @Test
    void every_valid_sample_passes_the_schema_and_is_read_with_its_number_parties_and_lines() {
        for (Path file : RealSamples.valid()) {
            // when it is read
            UblReader.Result result = UblReader.read(RealSamples.bytes(file));

            // then the schema passed and the essentials are there
            assertThat(result).as(file.getFileName().toString()).isInstanceOf(UblReader.Read.class);
            UblDocument document = ((UblReader.Read) result).document();
            assertThat(document.number()).as(file + " number").isNotBlank();
            assertThat(document.issueDate()).as(file + " issue date").isNotNull();
            assertThat(document.seller().name()).as(file + " seller").isNotBlank();
            assertThat(document.buyer().name()).as(file + " buyer").isNotBlank();
            assertThat(document.lines()).as(file + " lines").isNotEmpty();
            assertThat(document.totals().payable()).as(file + " payable").isNotNull();
        }
    }

    @Test
    void the_business_rules_pass_on_the_valid_samples_or_name_the_rule_the_sample_breaks() {
        for (Path file : RealSamples.valid()) {
            String name = file.getFileName().toString();
            UblDocument document = ((UblReader.Read) UblReader.read(RealSamples.bytes(file))).document();

            List<Violation> violations = UblRules.check(document);

            if (KNOWN_RULE_BREAKS.containsKey(name)) {
                assertThat(violations).as(name).isNotEmpty()
                        .allSatisfy(v -> assertThat(v.message()).startsWith(KNOWN_RULE_BREAKS.get(name)));
            } else {
                assertThat(violations).as(name).isEmpty();
            }
        }
    }

    @Test
    void each_invalid_sample_is_refused_naming_the_rule_it_breaks() {
        List<Path> invalid = RealSamples.invalid();
        assertThat(invalid).isNotEmpty();
        for (Path file : invalid) {
            String name = file.getFileName().toString();
            UblReader.Result result = UblReader.read(RealSamples.bytes(file));
            if (name.contains("BR-NL-11")) {
                assertThat(violations(result)).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("cac:PaymentMeans");
                    assertThat(v.message()).startsWith("BR-NL-11:");
                });
            } else if (name.contains("BR-S-08")) {
                assertThat(violations(result)).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("cac:TaxTotal/cac:TaxSubtotal[2]/cbc:TaxableAmount");
                    assertThat(v.message()).startsWith("BR-S-08:").contains("400.00").contains("200.00");
                });
            } else if (name.contains("br-de-25")) {
                // meant to break XRechnung BR-DE-25-b, and also schema-invalid: refused by the schema first
                assertThat(result).isInstanceOf(UblReader.Invalid.class);
                assertThat(((UblReader.Invalid) result).problems()).first().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(64);
                    assertThat(p.message()).contains("PayeeFinancialAccount");
                });
            } else {
                throw new AssertionError("a new invalid sample without an expectation: " + name);
            }
        }
    }

    private static List<Violation> violations(UblReader.Result result) {
        assertThat(result).isInstanceOf(UblReader.Read.class); // these pass the schema: the rules refuse them
        return UblRules.check(((UblReader.Read) result).document());
    }
}

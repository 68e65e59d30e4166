package nl.tijdig.collection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

class PartnerTest {

    static Partner partner(String name, Partner.Kind kind, Segment segment, String min, String max, int priority) {
        return new Partner(UUID.randomUUID(), name, kind, segment, min == null ? null : Money.eur(min), max == null ? null : Money.eur(max),
                priority, true);
    }

    @Test
    void a_claim_goes_to_the_first_agency_by_priority_that_takes_its_segment_and_amount() {
        Partner consumers = partner("Consumentenincasso", Partner.Kind.REST_AGENCY, Segment.B2C, null, null, 1);
        Partner small = partner("Klein Zakelijk", Partner.Kind.CSV_AGENCY, Segment.B2B, null, "2500.00", 1);
        Partner any = partner("Incassobureau Noord", Partner.Kind.REST_AGENCY, null, null, null, 1);
        Partner factor = partner("Factor Zuid", Partner.Kind.FACTOR, null, null, null, 0);
        List<Partner> partners = List.of(any, small, consumers, factor);
        assertThat(Partner.choose(partners, Segment.B2C, Money.eur("100.00"))).contains(consumers);
        assertThat(Partner.choose(partners, Segment.B2B, Money.eur("1113.07"))).contains(small);
        assertThat(Partner.choose(partners, Segment.B2B, Money.eur("2500.00"))).contains(any);
        assertThat(Partner.choose(List.of(factor), Segment.B2B, Money.eur("100.00"))).isEmpty();
        Partner inactive = new Partner(UUID.randomUUID(), "Uit", Partner.Kind.REST_AGENCY, null, null, null, 0, false);
        assertThat(Partner.choose(List.of(inactive), Segment.B2B, Money.eur("100.00"))).isEmpty();
    }

    @Test
    void settings_are_checked_field_by_field() {
        assertThat(Partner.check(" ", "COURIER", Money.eur("-1.00"), Money.eur("-2.00"), 5000)).extracting(Violation::field)
                .containsExactly("name", "kind", "minClaim", "maxClaim", "priority");
        assertThat(Partner.check("Incassobureau Noord", "REST_AGENCY", Money.eur("0.00"), Money.eur("5000.00"), 1)).isEmpty();
    }
}

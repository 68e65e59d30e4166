package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class AgingTest {

    static final LocalDate ON = LocalDate.of(2026, 11, 23);

    @Test
    void claims_fall_in_their_buckets_by_days_past_due_and_dso_is_open_over_invoiced_times_days() {
        // given claims due today, 1, 30, 31, 60, 61, 90, 91 and 400 days ago, and one due next week
        List<Aging.Claim> claims = List.of(
                new Aging.Claim(ON, Money.eur("100.00")), new Aging.Claim(ON.plusDays(7), Money.eur("50.00")),
                new Aging.Claim(ON.minusDays(1), Money.eur("10.00")), new Aging.Claim(ON.minusDays(30), Money.eur("20.00")),
                new Aging.Claim(ON.minusDays(31), Money.eur("30.00")), new Aging.Claim(ON.minusDays(60), Money.eur("40.00")),
                new Aging.Claim(ON.minusDays(61), Money.eur("5.00")), new Aging.Claim(ON.minusDays(90), Money.eur("5.00")),
                new Aging.Claim(ON.minusDays(91), Money.eur("1.00")), new Aging.Claim(ON.minusDays(400), Money.eur("2.00")));

        // when the report is made with 1,000 invoiced in the last 90 days
        Aging.Report report = Aging.of(ON, claims, Money.eur("1000.00"), 90);

        // then
        assertThat(report.buckets()).extracting(Aging.Bucket::label)
                .containsExactly("not due", "1-30", "31-60", "61-90", "90+");
        assertThat(report.buckets()).extracting(b -> b.amount().amount().toPlainString())
                .containsExactly("150.00", "30.00", "70.00", "10.00", "3.00");
        assertThat(report.buckets()).extracting(Aging.Bucket::count).containsExactly(2, 2, 2, 2, 2);
        assertThat(report.total()).isEqualTo(Money.eur("263.00"));
        assertThat(report.dso()).isEqualByComparingTo(new BigDecimal("23.7")); // 263 / 1000 × 90
        assertThat(report.buckets().get(0).from()).isNull();
        assertThat(report.buckets().get(4).to()).isNull();
    }

    @Test
    void without_sales_in_the_period_there_is_no_dso() {
        assertThat(Aging.of(ON, List.of(), Money.eur("0.00"), 90).dso()).isNull();
    }
}

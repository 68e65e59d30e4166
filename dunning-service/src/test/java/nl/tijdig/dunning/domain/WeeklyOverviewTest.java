package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.WeeklyOverviewCompiled;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import org.junit.jupiter.api.Test;

class WeeklyOverviewTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final TenantId TENANT = new TenantId(UUID.randomUUID());
    static final DebtorId BAKKER = new DebtorId(UUID.randomUUID());

    static WeeklyOverview.Claim claim(String number, LocalDate due, String open, DunningCase.Status status) {
        return new WeeklyOverview.Claim(new CaseId(UUID.randomUUID()), number, BAKKER, "Bakkerij De Gouden Korst B.V.", due,
                Money.eur(open), status);
    }

    @Test
    void the_overview_has_aging_what_is_overdue_oldest_first_what_fell_due_this_week_and_what_waits_for_the_creditor() {
        // given six open claims: two not yet due, one due today, three overdue (3, 40 and 120 days) in several states
        List<WeeklyOverview.Claim> claims = List.of(
                claim("F-6", MONDAY.plusDays(14), "1000.00", DunningCase.Status.OPEN),
                claim("F-5", MONDAY.plusDays(2), "500.00", DunningCase.Status.OPEN),
                claim("F-4", MONDAY, "250.00", DunningCase.Status.AWAITING_DELIVERY),
                claim("F-3", MONDAY.minusDays(3), "121.00", DunningCase.Status.PROMISED),
                claim("F-2", MONDAY.minusDays(40), "60.50", DunningCase.Status.DISPUTED),
                claim("F-1", MONDAY.minusDays(120), "30.25", DunningCase.Status.AWAITING_APPROVAL));

        // when it is compiled on a Monday with 3,000 invoiced in 90 days, 400 paid this week and one flagged letter
        WeeklyOverviewCompiled overview = WeeklyOverview.compile(TENANT, MONDAY, claims, Money.eur("3000.00"),
                Money.eur("400.00"), 1, Instant.parse("2026-11-23T06:00:00Z"));

        // then
        assertThat(overview.week()).isEqualTo("2026-W48");
        assertThat(overview.overviewId()).isEqualTo(WeeklyOverviewCompiled.overviewIdOf(TENANT));
        assertThat(overview.openTotal()).isEqualTo(Money.eur("1961.75"));
        assertThat(overview.openCount()).isEqualTo(6);
        assertThat(overview.overdueTotal()).isEqualTo(Money.eur("211.75"));
        assertThat(overview.overdueCount()).isEqualTo(3);
        assertThat(overview.aging()).extracting(b -> b.amount().amount().toPlainString())
                .containsExactly("1750.00", "121.00", "60.50", "0.00", "30.25");
        assertThat(overview.aging()).extracting(WeeklyOverviewCompiled.AgingBucket::count).containsExactly(3, 1, 1, 0, 1);
        assertThat(overview.dsoDays()).isEqualByComparingTo(new BigDecimal("58.9")); // 1,961.75 / 3,000 × 90
        assertThat(overview.paidInWeek()).isEqualTo(Money.eur("400.00"));
        assertThat(overview.newlyOverdue()).isEqualTo(1);
        assertThat(overview.attention()).isEqualTo(new WeeklyOverviewCompiled.Attention(1, 1, 1, 0, 0, 0, 1));
        assertThat(overview.oldestOverdue()).extracting(WeeklyOverviewCompiled.OverdueClaim::invoiceNumber)
                .containsExactly("F-1", "F-2", "F-3");
        assertThat(overview.oldestOverdue()).extracting(WeeklyOverviewCompiled.OverdueClaim::daysOverdue)
                .containsExactly(120, 40, 3);
        assertThat(overview.moreOverdue()).isZero();
    }

    @Test
    void at_most_25_overdue_claims_are_listed_and_the_rest_counted() {
        // given 30 overdue claims
        List<WeeklyOverview.Claim> claims = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            claims.add(claim("F-%02d".formatted(i), MONDAY.minusDays(i), "10.00", DunningCase.Status.OPEN));
        }

        // when
        WeeklyOverviewCompiled overview = WeeklyOverview.compile(TENANT, MONDAY, claims, Money.eur("0.00"), Money.eur("0.00"), 0,
                Instant.parse("2026-11-23T06:00:00Z"));

        // then the oldest 25 are listed, the other 5 counted; without sales there is no DSO
        assertThat(overview.oldestOverdue()).hasSize(25);
        assertThat(overview.oldestOverdue().get(0).invoiceNumber()).isEqualTo("F-30");
        assertThat(overview.moreOverdue()).isEqualTo(5);
        assertThat(overview.newlyOverdue()).isEqualTo(7);
        assertThat(overview.dsoDays()).isNull();
    }

    @Test
    void iso_weeks_across_the_turn_of_the_year() {
        assertThat(WeeklyOverview.weekOf(LocalDate.of(2026, 12, 31))).isEqualTo("2026-W53");
        assertThat(WeeklyOverview.weekOf(LocalDate.of(2027, 1, 3))).isEqualTo("2026-W53");
        assertThat(WeeklyOverview.weekOf(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
    }

    @Test
    void due_once_a_week_on_the_tenants_day_or_later_that_week_when_the_day_was_missed() {
        assertThat(WeeklyOverview.due(MONDAY, DayOfWeek.MONDAY, null)).isTrue();
        assertThat(WeeklyOverview.due(MONDAY, DayOfWeek.MONDAY, "2026-W47")).isTrue();
        assertThat(WeeklyOverview.due(MONDAY, DayOfWeek.MONDAY, "2026-W48")).isFalse();
        assertThat(WeeklyOverview.due(MONDAY, DayOfWeek.FRIDAY, "2026-W47")).isFalse();
        assertThat(WeeklyOverview.due(MONDAY.plusDays(5), DayOfWeek.FRIDAY, "2026-W47")).isTrue(); // Saturday: Friday missed
        assertThat(WeeklyOverview.due(MONDAY, null, null)).isFalse(); // OFF
    }
}

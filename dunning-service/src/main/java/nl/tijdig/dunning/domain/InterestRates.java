package nl.tijdig.dunning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The statutory interest rates as data: per half year from a date, the consumer rate (art. 6:119 BW)
 * and the commercial rate (art. 6:119a BW, the ECB main refinancing rate plus 8 points), in percent
 * per year. Operators update the table; {@link #SEEDED} holds the values known when this was written
 * (from 2025 on marked unverified in DOMAIN-NL.md: an operator confirms or corrects them).
 */
public record InterestRates(List<Rate> rates) {

    /** Which statutory interest. */
    public enum Kind {
        /** Art. 6:119 BW, wettelijke rente (consumers). */
        CONSUMER,
        /** Art. 6:119a BW, wettelijke handelsrente (businesses). */
        COMMERCIAL
    }

    /** The rates from a date until the next entry. */
    public record Rate(LocalDate from, BigDecimal consumer, BigDecimal commercial) {

        public BigDecimal of(Kind kind) {
            return kind == Kind.CONSUMER ? consumer : commercial;
        }
    }

    /**
     * The official history from 2013 (the migration {@code V1_13_0__interest_rate_history.sql} names the sources):
     * 6:119 by the Besluit vaststelling wettelijke rente; 6:119a the ECB main refinancing rate on the first calendar
     * day of the half year plus 8 points (7 before the late-payment directive's implementation of 16 March 2013).
     */
    public static final InterestRates SEEDED = new InterestRates(List.of(
            new Rate(LocalDate.of(2013, 1, 1), new BigDecimal("3"), new BigDecimal("7.75")),
            new Rate(LocalDate.of(2013, 3, 16), new BigDecimal("3"), new BigDecimal("8.75")),
            new Rate(LocalDate.of(2013, 7, 1), new BigDecimal("3"), new BigDecimal("8.5")),
            new Rate(LocalDate.of(2014, 1, 1), new BigDecimal("3"), new BigDecimal("8.25")),
            new Rate(LocalDate.of(2014, 7, 1), new BigDecimal("3"), new BigDecimal("8.15")),
            new Rate(LocalDate.of(2015, 1, 1), new BigDecimal("2"), new BigDecimal("8.05")),
            new Rate(LocalDate.of(2015, 7, 1), new BigDecimal("2"), new BigDecimal("8.05")),
            new Rate(LocalDate.of(2016, 1, 1), new BigDecimal("2"), new BigDecimal("8.05")),
            new Rate(LocalDate.of(2016, 7, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2017, 1, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2017, 7, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2018, 1, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2018, 7, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2019, 1, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2019, 7, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2020, 1, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2020, 7, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2021, 1, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2021, 7, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2022, 1, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2022, 7, 1), new BigDecimal("2"), new BigDecimal("8")),
            new Rate(LocalDate.of(2023, 1, 1), new BigDecimal("4"), new BigDecimal("10.5")),
            new Rate(LocalDate.of(2023, 7, 1), new BigDecimal("6"), new BigDecimal("12")),
            new Rate(LocalDate.of(2024, 1, 1), new BigDecimal("7"), new BigDecimal("12.5")),
            new Rate(LocalDate.of(2024, 7, 1), new BigDecimal("7"), new BigDecimal("12.25")),
            new Rate(LocalDate.of(2025, 1, 1), new BigDecimal("6"), new BigDecimal("11.15")),
            new Rate(LocalDate.of(2025, 7, 1), new BigDecimal("6"), new BigDecimal("10.15")),
            new Rate(LocalDate.of(2026, 1, 1), new BigDecimal("4"), new BigDecimal("10.15"))));

    /** A day the table has no rate for: before its first entry. */
    public static final class RateUnknown extends IllegalArgumentException {

        private final LocalDate day;

        RateUnknown(LocalDate day, LocalDate first) {
            super("no statutory interest rate is known for " + day + " (the table starts " + first + ")");
            this.day = day;
        }

        public LocalDate day() {
            return day;
        }
    }

    public InterestRates {
        rates = rates.stream().sorted(Comparator.comparing(Rate::from)).toList();
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("a rate table has at least one rate");
        }
    }

    /** The rate in force on a day; before the first entry there is none. */
    public Rate on(LocalDate day) {
        Rate found = null;
        for (Rate rate : rates) {
            if (rate.from().isAfter(day)) {
                break;
            }
            found = rate;
        }
        if (found == null) {
            throw new RateUnknown(day, rates.get(0).from());
        }
        return found;
    }

    /** The first day the table knows. */
    public LocalDate first() {
        return rates.get(0).from();
    }

    /**
     * The last day the table is known to cover: the rates are set per half year, so the last entry covers the
     * half year it starts (through the day before the next 1 January or 1 July). Beyond it the last rate is
     * used, provisionally, until the operator adds the next half year.
     */
    public LocalDate coveredThrough() {
        LocalDate last = rates.get(rates.size() - 1).from();
        LocalDate half = LocalDate.of(last.getYear(), last.getMonthValue() <= 6 ? 7 : 1, 1);
        return (last.getMonthValue() <= 6 ? half : half.plusYears(1)).minusDays(1);
    }

    /** Whether interest through {@code day} uses a rate past the table (provisional). */
    public boolean provisional(LocalDate day) {
        return day.isAfter(coveredThrough());
    }

    /** The first day after {@code day} on which another rate starts, if any. */
    LocalDate nextChangeAfter(LocalDate day) {
        return rates.stream().map(Rate::from).filter(from -> from.isAfter(day)).findFirst().orElse(null);
    }
}

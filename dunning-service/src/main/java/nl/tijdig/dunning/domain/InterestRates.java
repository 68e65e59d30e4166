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

    public static final InterestRates SEEDED = new InterestRates(List.of(
            new Rate(LocalDate.of(2023, 1, 1), new BigDecimal("4"), new BigDecimal("10.5")),
            new Rate(LocalDate.of(2023, 7, 1), new BigDecimal("6"), new BigDecimal("12")),
            new Rate(LocalDate.of(2024, 1, 1), new BigDecimal("7"), new BigDecimal("12.5")),
            new Rate(LocalDate.of(2024, 7, 1), new BigDecimal("7"), new BigDecimal("12.25")),
            new Rate(LocalDate.of(2025, 1, 1), new BigDecimal("6"), new BigDecimal("11.15")),
            new Rate(LocalDate.of(2025, 7, 1), new BigDecimal("6"), new BigDecimal("10.15")),
            new Rate(LocalDate.of(2026, 1, 1), new BigDecimal("4"), new BigDecimal("10.15"))));

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
            throw new IllegalArgumentException("no statutory interest rate known for " + day + " (the table starts "
                    + rates.get(0).from() + ")");
        }
        return found;
    }

    /** The first day after {@code day} on which another rate starts, if any. */
    LocalDate nextChangeAfter(LocalDate day) {
        return rates.stream().map(Rate::from).filter(from -> from.isAfter(day)).findFirst().orElse(null);
    }
}

package nl.tijdig.dunning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import nl.tijdig.kernel.Money;

/**
 * The extrajudicial collection costs of the Besluit vergoeding voor buitengerechtelijke
 * incassokosten (WIK, art. 2, Stb. 2012, 141), over the principal only (no interest): 15 % of the
 * first € 2,500, 10 % of the next € 2,500, 5 % of the next € 5,000, 1 % of the next € 190,000, 0.5 %
 * of the rest; at least € 40, at most € 6,775. Where the creditor cannot reclaim VAT, raised by the VAT
 * rate (art. 2 lid 3). Several claims of one debtor in one letter: over their summed principal.
 */
public final class WikCosts {

    /** One band of the staffel: up to {@code upTo} (exclusive of what lower bands took) at {@code percent}. */
    record Band(BigDecimal upTo, BigDecimal percent) {
    }

    static final List<Band> STAFFEL = List.of(
            new Band(new BigDecimal("2500"), new BigDecimal("15")),
            new Band(new BigDecimal("5000"), new BigDecimal("10")),
            new Band(new BigDecimal("10000"), new BigDecimal("5")),
            new Band(new BigDecimal("200000"), new BigDecimal("1")),
            new Band(null, new BigDecimal("0.5")));
    static final BigDecimal MINIMUM = new BigDecimal("40");
    /** The Dutch standard VAT rate (art. 9 lid 1 Wet OB), raised on the costs of a creditor that cannot deduct VAT. */
    public static final BigDecimal STANDARD_VAT_PERCENT = new BigDecimal("21");
    static final BigDecimal MAXIMUM = new BigDecimal("6775");

    private WikCosts() {
    }

    /** The costs over a principal, without VAT uplift; rounded to cents, half up. */
    public static Money of(Money principal) {
        return net(principal);
    }

    /**
     * The costs over a principal, raised by {@code vatPercent} when the creditor cannot reclaim VAT
     * (0 otherwise): the costs rounded to the cent first, then the VAT on that amount rounded to the cent, as on an
     * invoice. Nothing is owed on a principal of zero or less.
     */
    public static Money of(Money principal, BigDecimal vatPercent) {
        Money costs = of(principal);
        return costs.plus(vatOn(costs, vatPercent));
    }

    /** The VAT on costs already rounded to the cent: {@code costs × vatPercent}, to the cent, half up. */
    public static Money vatOn(Money costs, BigDecimal vatPercent) {
        return Money.of(costs.amount().multiply(vatPercent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP), costs.currency());
    }

    /** The VAT included in the costs over the summed principal of several claims (one letter). */
    public static Money vatOfClaims(List<Money> principals, BigDecimal vatPercent) {
        Money sum = principals.stream().reduce(Money::plus)
                .orElseThrow(() -> new IllegalArgumentException("at least one claim"));
        return vatOn(of(sum), vatPercent);
    }

    /** The costs over a principal, without VAT; rounded to cents, half up. */
    private static Money net(Money principal) {
        if (!principal.isPositive()) {
            return Money.zero(principal.currency());
        }
        BigDecimal rest = principal.amount();
        BigDecimal lower = BigDecimal.ZERO;
        BigDecimal costs = BigDecimal.ZERO;
        for (Band band : STAFFEL) {
            BigDecimal width = band.upTo() == null ? rest : band.upTo().subtract(lower).min(rest);
            costs = costs.add(width.multiply(band.percent()).movePointLeft(2));
            rest = rest.subtract(width);
            if (rest.signum() <= 0) {
                break;
            }
            lower = band.upTo();
        }
        costs = costs.max(MINIMUM).min(MAXIMUM);
        return Money.of(costs.setScale(2, RoundingMode.HALF_UP), principal.currency());
    }

    /** The costs over the summed principal of several claims (one letter). */
    public static Money ofClaims(List<Money> principals, BigDecimal vatPercent) {
        Money sum = principals.stream().reduce(Money::plus)
                .orElseThrow(() -> new IllegalArgumentException("at least one claim"));
        return of(sum, vatPercent);
    }
}

package nl.tijdig.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency.
 *
 * <p>Arithmetic is exact: {@link #plus}, {@link #minus} and {@link #times} never round, so a chain of
 * calculations (interest over days, a VAT share) loses nothing on the way. Rounding happens once, at
 * the boundary where an amount is shown, stored as a booked figure or paid: {@link #rounded()} rounds
 * to the currency's minor unit (cents for EUR) half-up, the Dutch commercial convention; pass another
 * {@link RoundingMode} where a rule says so. {@link #allocate} splits an amount into rounded parts that
 * add up to exactly the rounded whole.
 *
 * <p>Two amounts are equal when their currency and numeric value are equal: {@code 10 EUR},
 * {@code 10.00 EUR} and {@code 10.000 EUR} are one value (the amount is kept in a canonical scale:
 * at least the minor unit, trailing zeros beyond it removed).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The euro, Tijdig's default currency. */
    public static final Currency EUR = Currency.getInstance("EUR");

    /** Precision of {@link #dividedBy}: 34 significant digits, far beyond any cent. */
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + currency + " has no minor unit and is not a currency of money");
        }
        amount = canonical(amount, currency.getDefaultFractionDigits());
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** {@code Money.of("12.50", "EUR")}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    public static Money eur(BigDecimal amount) {
        return new Money(amount, EUR);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** An amount given in minor units: {@code ofMinor(1250, EUR)} is EUR 12.50. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
    }

    /** The ISO 4217 currency for a code, with a message that names the bad code. */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency code");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code", e);
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    /** Exact product, e.g. a quantity or a rate ({@code times(new BigDecimal("0.21"))}). */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /**
     * Quotient to 34 significant digits (a division need not terminate: 1/3). Use it inside a
     * calculation that ends in {@link #rounded()}; to split an amount into parts use {@link #allocate}.
     */
    public Money dividedBy(BigDecimal divisor) {
        Objects.requireNonNull(divisor, "divisor");
        if (divisor.signum() == 0) {
            throw new ArithmeticException("division of " + this + " by zero");
        }
        return new Money(amount.divide(divisor, DIVISION), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Rounded to the currency's minor unit, half-up (0.005 becomes 0.01, -0.005 becomes -0.01). */
    public Money rounded() {
        return rounded(RoundingMode.HALF_UP);
    }

    public Money rounded(RoundingMode mode) {
        Objects.requireNonNull(mode, "rounding mode");
        return new Money(amount.setScale(minorDigits(), mode), currency);
    }

    /** True when the amount has no digits below the minor unit. */
    public boolean isRounded() {
        return amount.scale() <= minorDigits();
    }

    /** The amount in minor units (cents); the amount must be rounded. */
    public long toMinorUnits() {
        if (!isRounded()) {
            throw new ArithmeticException(this + " has digits below the minor unit: round it first");
        }
        return amount.movePointRight(minorDigits()).longValueExact();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** Orders amounts of the same currency; comparing different currencies is an error. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Splits the rounded amount into {@code parts} near-equal parts, larger parts first. */
    public Money[] split(int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be positive, was " + parts);
        }
        long[] ratios = new long[parts];
        Arrays.fill(ratios, 1);
        return allocate(ratios);
    }

    /**
     * Splits the amount, rounded to the minor unit, in proportion to {@code ratios}: every part is a
     * whole number of minor units and the parts add up to exactly the rounded amount. Minor units left
     * over after flooring each share go to the parts with the largest remainders, ties to the earlier
     * part (the largest remainder method). The sign of every part follows the sign of the amount.
     */
    public Money[] allocate(long... ratios) {
        Objects.requireNonNull(ratios, "ratios");
        if (ratios.length == 0) {
            throw new IllegalArgumentException("ratios must not be empty");
        }
        BigInteger total = BigInteger.ZERO;
        for (long ratio : ratios) {
            if (ratio < 0) {
                throw new IllegalArgumentException("ratios must not be negative: " + Arrays.toString(ratios));
            }
            total = total.add(BigInteger.valueOf(ratio));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("ratios must not all be zero");
        }
        BigInteger whole = rounded().amount.movePointRight(minorDigits()).toBigIntegerExact();
        BigInteger magnitude = whole.abs();
        BigInteger[] shares = new BigInteger[ratios.length];
        BigInteger[] remainders = new BigInteger[ratios.length];
        BigInteger handedOut = BigInteger.ZERO;
        for (int i = 0; i < ratios.length; i++) {
            BigInteger[] qr = magnitude.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(total);
            shares[i] = qr[0];
            remainders[i] = qr[1];
            handedOut = handedOut.add(qr[0]);
        }
        int left = magnitude.subtract(handedOut).intValueExact(); // fewer than ratios.length
        Integer[] order = new Integer[ratios.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a])); // stable: ties keep order
        for (int i = 0; i < left; i++) {
            shares[order[i]] = shares[order[i]].add(BigInteger.ONE);
        }
        Money[] parts = new Money[ratios.length];
        for (int i = 0; i < parts.length; i++) {
            BigInteger signed = whole.signum() < 0 ? shares[i].negate() : shares[i];
            parts[i] = new Money(new BigDecimal(signed, minorDigits()), currency);
        }
        return parts;
    }

    /** {@code EUR 12.50}; amounts below the minor unit keep their digits ({@code EUR 0.125}). */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private int minorDigits() {
        return currency.getDefaultFractionDigits();
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other amount");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(this, other);
        }
    }

    private static BigDecimal canonical(BigDecimal amount, int minorDigits) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < minorDigits ? stripped.setScale(minorDigits) : stripped;
    }

    /** Two amounts of different currencies were combined or compared. */
    public static final class CurrencyMismatchException extends IllegalArgumentException {
        public CurrencyMismatchException(Money left, Money right) {
            super("cannot combine " + left + " with " + right + ": currencies differ");
        }
    }
}

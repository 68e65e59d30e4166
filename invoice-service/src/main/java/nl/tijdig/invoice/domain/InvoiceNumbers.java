package nl.tijdig.invoice.domain;

import java.util.regex.Pattern;

/**
 * Invoice numbers: a series (by default the year of issue) and a gapless counter per tenant and
 * series, e.g. {@code 2026-000123} (art. 35a Wet OB: unique and sequential, in one or more series).
 */
public final class InvoiceNumbers {

    private static final Pattern SERIES = Pattern.compile("[A-Za-z0-9]{1,20}");

    private InvoiceNumbers() {
    }

    public static boolean isValidSeries(String series) {
        return series != null && SERIES.matcher(series).matches();
    }

    /** {@code format("2026", 123)} is {@code 2026-000123}; counters past 999,999 get more digits. */
    public static String format(String series, long counter) {
        if (!isValidSeries(series)) {
            throw new IllegalArgumentException("a series is 1 to 20 letters and digits, not '" + series + "'");
        }
        if (counter < 1) {
            throw new IllegalArgumentException("counters start at 1");
        }
        return series + "-" + String.format("%06d", counter);
    }
}

package nl.tijdig.payment.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading a whole statement file found before anything is imported: its format (with the version),
 * how many entries it gives, the warnings (where the bank's file deviates from its standard in a way
 * that does not change an entry, with line and column) and each statement's balance check.
 */
public record StatementCheck(String format, long entries, List<Warning> warnings, List<BalanceCheck> balances) {

    /** At most this many warnings are kept; the last one says how many more there were. */
    public static final int MAX_WARNINGS = 100;

    public StatementCheck {
        warnings = List.copyOf(warnings);
        balances = List.copyOf(balances);
    }

    /** A deviation that did not stop the import: where (line and column, 0 when not known) and what. */
    public record Warning(int line, int column, String message) {
    }

    /**
     * One statement's balances against its booked entries: the opening and closing balance the bank
     * states, what the booked entries add up to (credits minus debits) and the difference: closing −
     * opening − booked. Not zero: entries are missing from the file (or it holds ones the balances do not).
     * Amounts as text ("1121.00"), as money is everywhere in the API.
     */
    public record BalanceCheck(String statement, String account, String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal opening,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal closing,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal booked,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal difference) {

        public static BalanceCheck of(String statement, String account, String currency, BigDecimal opening,
                BigDecimal closing, BigDecimal booked) {
            return new BalanceCheck(statement, account, currency, opening, closing, booked,
                    closing.subtract(opening).subtract(booked));
        }

        public boolean matches() {
            return difference.signum() == 0;
        }
    }

    /** Warnings as they are collected: the first {@value #MAX_WARNINGS}, then a count of the rest. */
    public static final class Warnings {
        private final List<Warning> kept = new ArrayList<>();
        private long more;

        public void add(int line, int column, String message) {
            if (kept.size() < MAX_WARNINGS) {
                kept.add(new Warning(line, column, message));
            } else {
                more++;
            }
        }

        public void addAll(Warnings other) {
            other.kept.forEach(w -> add(w.line(), w.column(), w.message()));
            more += other.more;
        }

        public List<Warning> list() {
            if (more == 0) {
                return List.copyOf(kept);
            }
            List<Warning> all = new ArrayList<>(kept);
            all.add(new Warning(0, 0, "and " + more + " more warnings"));
            return all;
        }
    }
}

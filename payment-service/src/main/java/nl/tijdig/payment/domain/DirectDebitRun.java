package nl.tijdig.payment.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Easter;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;

/**
 * Which open invoices a SEPA direct-debit run collects, and how: each invoice in euro with something open,
 * due on or before the collection date, of a debtor with a usable mandate, not collected before — one
 * transaction per invoice (so a return or reversal finds its invoice), for what is open on it. A recurring
 * mandate never used before gets FRST on its first transaction and RCUR on the rest; a one-off mandate
 * collects its debtor's oldest invoice only. The collection date must be a TARGET2 business day after
 * today (the rulebooks' D-1 for the submission).
 */
public final class DirectDebitRun {

    /** An invoice that may be collected, with its debtor's mandate. */
    public record Due(InvoiceId invoiceId, String invoiceNumber, String paymentReference, DebtorId debtorId,
            String debtorName, Money open, LocalDate dueDate, Mandate mandate) {
    }

    /** One transaction of the run. */
    public record Collection(InvoiceId invoiceId, DebtorId debtorId, String debtorName, Money amount, Mandate mandate,
            Mandate.SequenceType sequence, String remittance) {
    }

    private static final Set<MonthDay> TARGET_CLOSED = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1),
            MonthDay.of(12, 25), MonthDay.of(12, 26));

    private DirectDebitRun() {
    }

    /** Why the collection date cannot be used, if it cannot. */
    public static Optional<Violation> checkDate(LocalDate collectionDate, LocalDate today) {
        if (collectionDate == null) {
            return Optional.of(new Violation("collectionDate", "is required"));
        }
        if (!collectionDate.isAfter(today)) {
            return Optional.of(new Violation("collectionDate", "must be after today (" + today + ")"));
        }
        if (collectionDate.isAfter(today.plusYears(1))) {
            return Optional.of(new Violation("collectionDate", "is more than a year ahead"));
        }
        if (!isTargetDay(collectionDate)) {
            return Optional.of(new Violation("collectionDate", "is not a TARGET2 business day (weekend, "
                    + "1 January, Good Friday, Easter Monday, 1 May, 25 or 26 December)"));
        }
        return Optional.empty();
    }

    /** Whether TARGET2 settles on the day. */
    public static boolean isTargetDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        LocalDate easter = Easter.sunday(day.getYear());
        return !TARGET_CLOSED.contains(MonthDay.from(day)) && !day.equals(easter.minusDays(2))
                && !day.equals(easter.plusDays(1));
    }

    /** The transactions of a run on the collection date over the invoices that may be collected. */
    public static List<Collection> plan(LocalDate collectionDate, List<Due> due) {
        List<Due> ordered = due.stream()
                .filter(d -> d.open().isPositive() && d.open().currency().equals(Money.EUR))
                .filter(d -> !d.dueDate().isAfter(collectionDate))
                .filter(d -> d.mandate() != null && d.mandate().usable())
                .sorted(Comparator.comparing(Due::dueDate).thenComparing(Due::invoiceNumber)).toList();
        Set<DebtorId> started = new HashSet<>();
        List<Collection> collections = new ArrayList<>();
        for (Due d : ordered) {
            Mandate mandate = d.mandate();
            boolean first = started.add(d.debtorId());
            if (mandate.type() == Mandate.Type.ONE_OFF && !first) {
                continue;
            }
            Mandate.SequenceType sequence = first ? mandate.nextSequence()
                    : mandate.type() == Mandate.Type.RECURRING ? Mandate.SequenceType.RCUR : mandate.nextSequence();
            collections.add(new Collection(d.invoiceId(), d.debtorId(), d.debtorName(), d.open(), mandate, sequence,
                    remittance(d)));
        }
        return collections;
    }

    private static String remittance(Due d) {
        String text = "Factuur " + d.invoiceNumber();
        if (d.paymentReference() != null) {
            text += " kenmerk " + d.paymentReference();
        }
        return text.length() > 140 ? text.substring(0, 140) : text;
    }
}

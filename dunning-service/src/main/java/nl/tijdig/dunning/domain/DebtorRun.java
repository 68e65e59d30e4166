package nl.tijdig.dunning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;

/**
 * What the scheduler does for one debtor on one day, pure: each of its due cases is ticked (a pre-due
 * note whose moment has gone is skipped on the way), and of the letters the cases would take, the debtor
 * gets one — the most advanced step, listing every invoice at that step, costs over their sum. Cases
 * whose letter is not sent today wait for tomorrow (no letter is skipped: they take it later, after the
 * gap). A debtor who already had a letter today gets none. Phone tasks go into one task per debtor;
 * approval requests and escalations are per case.
 */
public final class DebtorRun {

    /** A case due today, with what its letter would list about its invoice. */
    public record DueCase(Letter.Invoice invoice, DunningCase.State state) {
    }

    /** The outcome: the events decided per case, the letter (if any), the phone task's invoices. */
    public record Outcome(Map<InvoiceId, List<DunningCase.Event>> decided, Optional<Letter> letter,
            List<InvoiceId> letterCases, List<Letter.Invoice> phoneCall, List<InvoiceId> deferred) {
    }

    private DebtorRun() {
    }

    public static Outcome run(LocalDate today, boolean hadLetterToday, Segment segment, List<DueCase> cases,
            InterestRates rates, BigDecimal vatUpliftPercent) {
        Map<InvoiceId, List<DunningCase.Event>> decided = new LinkedHashMap<>();
        Map<InvoiceId, List<DunningCase.Event>> letterSteps = new LinkedHashMap<>();
        List<Letter.Invoice> phone = new ArrayList<>();
        for (DueCase due : cases) {
            InvoiceId id = due.invoice().invoiceId();
            List<DunningCase.Event> events = new ArrayList<>();
            DunningCase.State state = due.state();
            for (int i = 0; i <= state.policy().steps().size(); i++) {
                List<DunningCase.Event> next = DunningCase.decide(new DunningCase.Tick(today), state);
                if (next.isEmpty()) {
                    break;
                }
                Optional<DunningCase.StepDue> letterStep = next.stream().filter(DunningCase.StepDue.class::isInstance)
                        .map(DunningCase.StepDue.class::cast).filter(s -> isLetter(s.kind())).findFirst();
                if (letterStep.isPresent()) {
                    letterSteps.put(id, next);
                    break;
                }
                events.addAll(next);
                state = DunningCase.replay(state, next);
                if (next.stream().anyMatch(e -> e instanceof DunningCase.StepDue s && s.kind() == DunningPolicy.Kind.PHONE_CALL)) {
                    phone.add(due.invoice());
                }
                if (!next.stream().allMatch(e -> e instanceof DunningCase.StepSkipped || e instanceof DunningCase.PromiseBroken
                        || e instanceof DunningCase.PlanBroken)) {
                    break; // one step a day; skipped pre-due notes and a broken promise or plan do not count
                }
            }
            decided.put(id, events);
        }
        // the debtor's one letter of the day: the most advanced step, every invoice at it
        Map<String, List<DueCase>> byStep = new LinkedHashMap<>();
        for (DueCase due : cases) {
            List<DunningCase.Event> next = letterSteps.get(due.invoice().invoiceId());
            if (next != null) {
                DunningCase.StepDue step = (DunningCase.StepDue) next.stream().filter(DunningCase.StepDue.class::isInstance)
                        .findFirst().orElseThrow();
                byStep.computeIfAbsent(step.key(), k -> new ArrayList<>()).add(due);
            }
        }
        List<InvoiceId> deferred = new ArrayList<>(letterSteps.keySet());
        if (hadLetterToday || byStep.isEmpty()) {
            return new Outcome(decided, Optional.empty(), List.of(), phone, deferred);
        }
        Map.Entry<String, List<DueCase>> chosen = byStep.entrySet().stream()
                .max(Comparator.<Map.Entry<String, List<DueCase>>>comparingInt(e -> rank(stepOf(e.getValue().get(0), e.getKey())))
                        .thenComparingInt(e -> e.getValue().size()))
                .orElseThrow();
        List<InvoiceId> letterCases = new ArrayList<>();
        List<Letter.Invoice> invoices = new ArrayList<>();
        for (DueCase due : chosen.getValue()) {
            InvoiceId id = due.invoice().invoiceId();
            letterCases.add(id);
            invoices.add(due.invoice());
            deferred.remove(id);
        }
        invoices.sort(Comparator.comparing(Letter.Invoice::dueDate).thenComparing(Letter.Invoice::number));
        DueCase first = chosen.getValue().get(0);
        DunningPolicy.Step step = stepOf(first, chosen.getKey());
        int number = first.state().policy().steps().indexOf(step) + 1;
        Letter letter = Letter.of(step, number, segment, invoices, today, rates, vatUpliftPercent);
        // a final notice: each case keeps its share of the costs the letter announces, which is what an
        // escalation may claim for it later
        Map<InvoiceId, Money> shares = new LinkedHashMap<>();
        if (letter.collectionCosts().isPositive()) {
            List<Money> split = letter.costShares();
            for (int i = 0; i < invoices.size(); i++) {
                shares.put(invoices.get(i).invoiceId(), split.get(i));
            }
        }
        for (InvoiceId id : letterCases) {
            for (DunningCase.Event event : letterSteps.get(id)) {
                decided.get(id).add(event instanceof DunningCase.StepDue due && shares.containsKey(id)
                        ? due.withCosts(shares.get(id)) : event);
            }
        }
        return new Outcome(decided, Optional.of(letter), letterCases, phone, deferred);
    }

    private static DunningPolicy.Step stepOf(DueCase due, String key) {
        return due.state().policy().steps().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static int rank(DunningPolicy.Step step) {
        return switch (step.kind()) {
            case PRE_DUE_REMINDER -> 0;
            case REMINDER -> 1;
            case FINAL_NOTICE -> 2;
            case PHONE_CALL, ESCALATION -> -1;
        };
    }

    static boolean isLetter(DunningPolicy.Kind kind) {
        return kind == DunningPolicy.Kind.PRE_DUE_REMINDER || kind == DunningPolicy.Kind.REMINDER
                || kind == DunningPolicy.Kind.FINAL_NOTICE;
    }
}

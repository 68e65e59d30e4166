package nl.tijdig.payment.domain;

import java.util.List;
import java.util.Optional;
import nl.tijdig.kernel.DebtorId;

/**
 * The open items a payment may pay, found by each matching rule (the store looks them up by index,
 * so matching never scans a tenant's whole ledger): by the invoice the reporter named, by the
 * betalingskenmerk, by invoice numbers in the remittance (in the order written), and per debtor whose
 * IBAN or name is the payer's.
 */
public record Candidates(Optional<OpenItem> named, Optional<OpenItem> byReference, List<OpenItem> byNumbers,
        List<DebtorItems> byIban, List<DebtorItems> byName) {

    /** A debtor and its open items. */
    public record DebtorItems(DebtorId debtorId, List<OpenItem> open) {

        public DebtorItems {
            open = List.copyOf(open);
        }
    }

    public Candidates {
        byNumbers = List.copyOf(byNumbers);
        byIban = List.copyOf(byIban);
        byName = List.copyOf(byName);
    }

    public static Candidates none() {
        return new Candidates(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }
}

package nl.tijdig.notification.domain;

import java.util.Map;
import nl.tijdig.events.ReminderDue;

/**
 * A reminder as a text message: short (at most three SMS segments), in the debtor's language, with who
 * writes, which invoices, how much, how to pay and "already paid? ignore this". An SMS is never the
 * 14-dagenbrief itself: that goes by letter or agreed email.
 */
public final class SmsText {

    /** Three concatenated GSM-7 segments. */
    public static final int MAX_LENGTH = 459;

    private SmsText() {
    }

    @SuppressWarnings("unchecked")
    public static String of(ReminderDue r) {
        Map<String, Object> l = LetterModel.of(r);
        boolean en = "en".equals(l.get("language"));
        String creditor = (String) ((Map<String, Object>) l.get("creditor")).get("name");
        String iban = (String) ((Map<String, Object>) l.get("creditor")).get("iban");
        String numbers = (String) l.get("invoiceNumbers");
        String reference = r.paymentReference() != null ? r.paymentReference() : numbers;
        String what = r.kind() == ReminderDue.Kind.PRE_DUE_NOTICE
                ? (en ? "invoice " + numbers + " is due on " + l.get("firstDueDate") + ": " + l.get("totalDue") + "."
                        : "factuur " + numbers + " vervalt op " + l.get("firstDueDate") + ": " + l.get("totalDue") + ".")
                : (en ? "invoice " + numbers + " is still open: " + l.get("totalDue") + ". Please pay within " + r.payWithinDays() + " days."
                        : "factuur " + numbers + " staat nog open: " + l.get("totalDue") + ". Wilt u binnen " + r.payWithinDays()
                                + " dagen betalen?");
        String pay = en ? " Pay to " + iban + " quoting " + reference + (r.payLink() != null ? " or at " + r.payLink() : "") + "."
                : " Betaal op " + iban + " o.v.v. " + reference + (r.payLink() != null ? " of via " + r.payLink() : "") + ".";
        String ignore = en ? " Already paid? Please ignore this message." : " Al betaald? Dan kunt u dit bericht negeren.";
        String text = creditor + ": " + what + pay + ignore;
        if (text.length() > MAX_LENGTH) {
            text = creditor + ": " + what + pay;
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
    }
}

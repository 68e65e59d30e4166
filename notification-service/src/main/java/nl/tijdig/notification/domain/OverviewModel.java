package nl.tijdig.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.tijdig.events.WeeklyOverviewCompiled;

/**
 * The weekly overview as the creditor's mail shows it (Dutch; amounts and dates written the Dutch way):
 * {@code o.week}, {@code o.on}, open and overdue totals and counts, the aging buckets, DSO, paid this week,
 * newly overdue, what waits for the creditor, the most overdue claims, and webhook subscriptions disabled for failing.
 */
public final class OverviewModel {

    private static final java.time.ZoneId AMSTERDAM = java.time.ZoneId.of("Europe/Amsterdam");

    private OverviewModel() {
    }

    /** A webhook subscription of the tenant that was disabled for failing (WebhookEndpointDisabled). */
    public record DisabledWebhook(String url, java.time.Instant disabledAt, String lastError) {
    }

    public static Map<String, Object> of(WeeklyOverviewCompiled w, String creditorName) {
        return of(w, creditorName, List.of());
    }

    public static Map<String, Object> of(WeeklyOverviewCompiled w, String creditorName, List<DisabledWebhook> webhooks) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("creditor", creditorName);
        o.put("week", w.week());
        o.put("on", LetterModel.date(w.on(), false));
        o.put("openTotal", LetterModel.money(w.openTotal(), false));
        o.put("openCount", w.openCount());
        o.put("overdueTotal", LetterModel.money(w.overdueTotal(), false));
        o.put("overdueCount", w.overdueCount());
        List<Map<String, Object>> aging = new ArrayList<>();
        for (WeeklyOverviewCompiled.AgingBucket b : w.aging()) {
            aging.add(Map.of("label", b.label().equals("not due") ? "nog niet vervallen" : b.label() + " dagen",
                    "amount", LetterModel.money(b.amount(), false), "count", b.count()));
        }
        o.put("aging", aging);
        o.put("dsoDays", w.dsoDays() == null ? "-" : w.dsoDays().toPlainString().replace('.', ','));
        o.put("paidInWeek", LetterModel.money(w.paidInWeek(), false));
        o.put("newlyOverdue", w.newlyOverdue());
        WeeklyOverviewCompiled.Attention a = w.attention();
        List<Map<String, Object>> attention = new ArrayList<>();
        add(attention, "wachten op uw akkoord voor overdracht aan incasso", a.awaitingApproval());
        add(attention, "betwist", a.disputed());
        add(attention, "met een betalingsbelofte", a.promised());
        add(attention, "in een betalingsregeling", a.inPlan());
        add(attention, "gepauzeerd", a.paused());
        add(attention, "afboeking wacht op akkoord", a.writeOffPending());
        add(attention, "brieven die niet bezorgd konden worden", a.lettersFlagged());
        o.put("attention", attention);
        List<Map<String, Object>> claims = new ArrayList<>();
        for (WeeklyOverviewCompiled.OverdueClaim c : w.oldestOverdue()) {
            claims.add(Map.of("invoiceNumber", c.invoiceNumber(), "debtorName", c.debtorName(),
                    "dueDate", LetterModel.date(c.dueDate(), false), "daysOverdue", c.daysOverdue(),
                    "open", LetterModel.money(c.open(), false), "status", c.status()));
        }
        o.put("oldestOverdue", claims);
        o.put("moreOverdue", w.moreOverdue());
        List<Map<String, Object>> disabled = new ArrayList<>();
        for (DisabledWebhook d : webhooks) {
            disabled.add(Map.of("url", d.url(), "since", LetterModel.date(d.disabledAt().atZone(AMSTERDAM).toLocalDate(), false),
                    "lastError", d.lastError() == null ? "" : d.lastError()));
        }
        o.put("disabledWebhooks", disabled);
        return o;
    }

    private static void add(List<Map<String, Object>> attention, String what, int count) {
        if (count > 0) {
            attention.add(Map.of("what", what, "count", count));
        }
    }
}

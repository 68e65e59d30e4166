package nl.tijdig.notification.letters;

import java.util.Map;

/** The fixed words of the letter layout, per language. */
final class Labels {

    private static final Map<String, String> NL = Map.ofEntries(
            Map.entry("place", ""),
            Map.entry("invoice", "Factuur"),
            Map.entry("date", "Datum"),
            Map.entry("dueDate", "Vervaldatum"),
            Map.entry("open", "Openstaand"),
            Map.entry("interest", "Wettelijke rente tot heden"),
            Map.entry("toPay", "Te betalen"),
            Map.entry("transfer", "U kunt"),
            Map.entry("to", "overmaken naar"),
            Map.entry("inTheNameOf", "ten name van"),
            Map.entry("withReference", "onder vermelding van betalingskenmerk"),
            Map.entry("quoting", "onder vermelding van factuur"),
            Map.entry("payAtOnce", "Of betaal direct online:"),
            Map.entry("crossed", "Heeft u inmiddels betaald? Dan kunt u deze brief als niet verzonden beschouwen."),
            Map.entry("questions", "Heeft u vragen over deze factuur, of lukt het niet om in één keer te betalen? Neem contact met ons op via"),
            Map.entry("regards", "Met vriendelijke groet,"),
            Map.entry("kvk", "KvK"),
            Map.entry("vat", "btw"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("place", ""),
            Map.entry("invoice", "Invoice"),
            Map.entry("date", "Date"),
            Map.entry("dueDate", "Due"),
            Map.entry("open", "Open"),
            Map.entry("interest", "Statutory interest to date"),
            Map.entry("toPay", "To pay"),
            Map.entry("transfer", "Please transfer"),
            Map.entry("to", "to"),
            Map.entry("inTheNameOf", "in the name of"),
            Map.entry("withReference", "with payment reference"),
            Map.entry("quoting", "quoting invoice"),
            Map.entry("payAtOnce", "Or pay online at once:"),
            Map.entry("crossed", "If your payment crossed this letter, please ignore it."),
            Map.entry("questions", "Questions about this invoice, or unable to pay at once? Please contact us at"),
            Map.entry("regards", "Kind regards,"),
            Map.entry("kvk", "Chamber of Commerce"),
            Map.entry("vat", "VAT"));

    private Labels() {
    }

    static Map<String, String> of(String language) {
        return "en".equals(language) ? EN : NL;
    }
}

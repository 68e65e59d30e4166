package nl.tijdig.launcher.demo;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The demo on a running platform: a creditor with business and consumer debtors issues 100 invoices (some as UBL),
 * gets paid by API, by a camt.053 statement and by a pay link, sells one invoice to the demo factor, and lets 60 days pass
 * while a collector works the cases (a phone task ends in a promise, a dispute, a payment plan) and approves hand-overs
 * to the demo agency. It ends with the aging report and checks its own expectations, each printed as passed or failed.
 */
public final class Demo {

    /** One expectation of the demo and whether it held. */
    public record Check(String what, boolean passed, String detail) {
    }

    private static final int BUSINESSES = 12;
    private static final int CONSUMERS = 8;
    private static final int INVOICES = 100;
    private static final int AS_UBL = 10;
    private static final int DAYS = 60;

    private final Target target;
    private final PrintStream out;
    private final List<Check> checks = new ArrayList<>();

    private Demo(Target target, PrintStream out) {
        this.target = target;
        this.out = out;
    }

    /** Runs the demo and returns its checks (also printed). */
    public static List<Check> run(Target target, PrintStream out) {
        Demo demo = new Demo(target, out);
        try (DemoPartners partners = new DemoPartners()) {
            demo.play(partners);
        }
        long passed = demo.checks.stream().filter(Check::passed).count();
        out.println();
        out.println("The demo's checks:");
        demo.checks.forEach(c -> out.println("  " + (c.passed() ? "PASSED" : "FAILED") + "  " + c.what()
                + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")")));
        out.println(passed + " of " + demo.checks.size() + " checks passed.");
        return List.copyOf(demo.checks);
    }

    private void play(DemoPartners partners) {
        LocalDate start = target.today();
        say("The creditor: Schoonmaakbedrijf Helder B.V., a new tenant, on " + start);
        Tenant helder = Tenant.create(target, "demo-helder");
        helder.call("invoice-service").body("""
                {"name": "Schoonmaakbedrijf Helder B.V.",
                 "address": {"street": "Stationsplein 1", "postalCode": "3511 ED", "city": "Utrecht", "countryCode": "NL"},
                 "kvkNumber": "87654321", "vatId": "NL001234567B01", "iban": "%s", "bic": "ABNANL2A",
                 "senderEmail": "debiteuren@helder.nl", "b2bTermDays": 14, "b2cTermDays": 14, "invoiceSeries": "DEMO"}"""
                .formatted(Tenant.IBAN)).put("/creditor-profile").then().statusCode(200);
        helder.call("collection-gateway").body(Map.of("name", "Incassobureau Demo", "kind", "REST_AGENCY", "priority", 1,
                "active", true, "baseUrl", partners.agencyUrl(), "apiKey", "demo-agency-key"))
                .post("/partners").then().statusCode(201);
        String factor = helder.call("collection-gateway").body(Map.of("name", "Factor Demo", "kind", "FACTOR", "priority", 1,
                "active", true, "baseUrl", partners.factorUrl(), "apiKey", "demo-factor-key"))
                .post("/partners").then().statusCode(201).extract().path("partner.partnerId");

        helder.call("payment-service").body(Map.of("provider", "mollie", "apiKey", "test_demo", "baseUrl", partners.providerUrl(),
                "webhookBaseUrl", target.url("payment-service"))).put("/payment-provider").then().statusCode(200);

        say("Debtors: " + BUSINESSES + " businesses and " + CONSUMERS + " consumers");
        String tag = helder.tenantId.toString().substring(0, 8);
        List<String> debtors = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        Set<String> consumers = new HashSet<>();
        for (int i = 0; i < BUSINESSES; i++) {
            emails.add("administratie-" + i + "-" + tag + "@klant" + i + ".example");
            debtors.add(helder.businessDebtor("Klant " + i + " B.V.", emails.get(i)));
        }
        for (int i = 0; i < CONSUMERS; i++) {
            emails.add("consument-" + i + "-" + tag + "@example.nl");
            String id = helder.consumerDebtor("Consument " + i + " de Vries", emails.get(BUSINESSES + i), "Dorpsstraat " + (i + 1));
            debtors.add(id);
            consumers.add(id);
        }

        say("Invoices: " + (INVOICES - AS_UBL) + " by the API and " + AS_UBL + " as UBL documents");
        List<JsonPath> invoices = new ArrayList<>();
        for (int i = 0; i < INVOICES - AS_UBL; i++) {
            invoices.add(helder.invoice(debtors.get(i % debtors.size()), 1 + i % 12, start));
        }
        int ubl = 0;
        for (int i = 0; i < AS_UBL; i++) {
            String source = invoices.get(i).getString("invoiceId");
            String number = invoices.get(i).getString("invoiceNumber");
            String xml = helder.call("invoice-service").get("/invoices/" + source + "/ubl").then().statusCode(200).extract().asString();
            var created = helder.call("invoice-service").contentType("application/xml")
                    .body(xml.replaceFirst("<cbc:ID>" + number + "</cbc:ID>", "<cbc:ID>UBL-" + tag + "-" + i + "</cbc:ID>"))
                    .post("/invoices/ubl");
            if (created.statusCode() == 201) {
                ubl++;
                invoices.add(helder.invoiceView(created.path("invoiceId")));
            } else {
                say("  a UBL document was refused: " + created.statusCode() + " " + created.asString());
            }
        }
        check("10 invoices came in as UBL documents", ubl == AS_UBL, ubl + " accepted");
        awaitCases(helder, invoices.size());

        LocalDate payday = start.plusDays(3);
        target.moveTo(payday);
        say(payday + ": 10 invoices paid by the API, 10 by the bank's camt.053 statement");
        List<JsonPath> paidByApi = invoices.subList(20, 30);
        List<JsonPath> paidByBank = invoices.subList(30, 40);
        paidByApi.forEach(i -> helder.pay(i.getString("totalInclVat.amount"), i.getString("paymentReference"), payday));
        Camt053 statement = new Camt053(Tenant.IBAN, payday);
        paidByBank.forEach(i -> statement.creditWithReference(i.getString("totalInclVat.amount"), i.getString("debtor.name"),
                "NL93RABO0123456780", i.getString("paymentReference")));
        String location = helder.call("payment-service").contentType("application/xml").body(statement.xml())
                .post("/bank-statements").then().statusCode(202).extract().header("Location");
        boolean imported = waitFor(Duration.ofSeconds(60), () -> "DONE".equals(helder.call("payment-service").get(location)
                .then().extract().path("status")));
        check("The camt.053 statement was imported", imported, "");

        JsonPath byLink = invoices.get(40);
        boolean linked = waitFor(Duration.ofSeconds(60), () -> partners.payLinks() >= invoices.size());
        boolean linkPaid = partners.payByLink(byLink.getString("invoiceNumber"), byLink.getString("debtor.name"),
                "NL20INGB0001234567", target.now());
        say(payday + ": invoice " + byLink.getString("invoiceNumber") + " paid by its pay link");
        check("Every invoice got a pay link, and one was paid through it", linked && linkPaid
                && waitFor(Duration.ofSeconds(60), () -> "CLOSED".equals(status(helder, byLink.getString("invoiceId")))),
                partners.payLinks() + " links");

        JsonPath sold = invoices.stream().filter(i -> !consumers.contains(i.getString("debtor.debtorId"))).skip(40)
                .findFirst().orElseThrow();
        say(payday + ": invoice " + sold.getString("invoiceNumber") + " offered to the demo factor");
        String offer = helder.call("collection-gateway").body(Map.of("invoiceId", sold.getString("invoiceId"), "partnerId", factor))
                .post("/factoring-offers").then().statusCode(201).extract().path("offerId");

        say("60 days go by on the business clock; each day the scheduler runs, and a collector works the cases");
        String promised = null;
        String disputed = null;
        String planned = null;
        boolean promiseHeld = false;
        boolean planHeld = false;
        int approved = 0;
        for (LocalDate day = payday.plusDays(1); !day.isAfter(start.plusDays(DAYS)); day = day.plusDays(1)) {
            target.moveTo(day);
            target.runDunning();
            waitFor(Duration.ofSeconds(20), () -> helder.dunningCases("AWAITING_DELIVERY").isEmpty());
            for (Map<String, Object> waiting : helder.dunningCases("AWAITING_APPROVAL")) {
                if (helder.call("dunning-service").body("{}").post("/cases/" + waiting.get("caseId") + "/approval")
                        .statusCode() == 200) {
                    approved++;
                }
            }
            if (promised == null) {
                List<Map<String, Object>> tasks = helder.call("notification-service").queryParam("status", "OPEN")
                        .get("/phone-tasks").then().statusCode(200).extract().jsonPath().getList("");
                if (!tasks.isEmpty()) {
                    Map<String, Object> task = tasks.get(0);
                    String id = task.get("taskId").toString();
                    helder.call("notification-service").body("{}").post("/phone-tasks/" + id + "/claim").then().statusCode(200);
                    helder.call("notification-service").body(Map.of("outcome", "PROMISE", "promisedBy", day.plusDays(10).toString(),
                            "notes", "Betaalt na de salarisbetaling", "spokeWith", "de eigenaar"))
                            .post("/phone-tasks/" + id + "/completion").then().statusCode(200);
                    promised = task.get("caseId").toString();
                    String promisedCase = promised;
                    promiseHeld = waitFor(Duration.ofSeconds(30), () -> "PROMISED".equals(status(helder, promisedCase)));
                    say(day + ": a phone call ends in a promise to pay by " + day.plusDays(10));
                    String except = promised;
                    List<Map<String, Object>> open = helder.dunningCases("OPEN").stream()
                            .filter(c -> !c.get("caseId").toString().equals(except)).toList();
                    disputed = open.get(0).get("caseId").toString();
                    helder.call("dunning-service").body(Map.of("reason", "SERVICE_DISPUTED", "note", "Ramen niet gewassen"))
                            .post("/cases/" + disputed + "/disputes").then().statusCode(200);
                    say(day + ": a debtor disputes an invoice: the case is on hold");
                    Map<String, Object> toPlan = open.get(open.size() - 1);
                    BigDecimal total = new BigDecimal(toPlan.get("open").toString());
                    BigDecimal first = total.divide(BigDecimal.TWO, 2, java.math.RoundingMode.DOWN);
                    helder.call("dunning-service").body(Map.of("instalments", List.of(
                            Map.of("dueOn", day.plusDays(7).toString(), "amount", first.toPlainString()),
                            Map.of("dueOn", day.plusDays(37).toString(), "amount", total.subtract(first).toPlainString())),
                            "graceDays", 5)).post("/cases/" + toPlan.get("caseId") + "/payment-plan").then().statusCode(200);
                    planned = toPlan.get("caseId").toString();
                    planHeld = "IN_PLAN".equals(status(helder, planned));
                    say(day + ": a payment plan in two instalments");
                }
            }
        }

        say("What happened:");
        List<Path> mails = files(target.dataDir().resolve("mailbox"), ".eml");
        long toDebtors = mails.stream().filter(m -> emails.stream().anyMatch(e -> m.getFileName().toString().contains(e))).count();
        check("Reminders went to the debtors by email", toDebtors >= 10, toDebtors + " messages in " + target.dataDir().resolve("mailbox"));
        List<Path> letters = files(target.dataDir().resolve("post"), ".pdf").stream().filter(l -> envelope(l).contains("Consument")).toList();
        check("14-dagenbrieven went to consumers by post, as PDF", !letters.isEmpty()
                && letters.stream().allMatch(l -> read(l).startsWith("%PDF")), letters.size() + " letters in " + target.dataDir().resolve("post"));
        check("A phone task was completed with a promise to pay: reminders waited for it", promiseHeld,
                promised == null ? "no phone task came" : "case " + promised);
        check("A disputed case is on hold", disputed != null && "DISPUTED".equals(status(helder, disputed)),
                disputed == null ? "" : "case " + disputed);
        check("A payment plan was agreed: reminders wait while it is kept", planHeld, planned == null ? "" : "case " + planned);
        check("Cases were escalated to the demo agency", approved > 0 && waitFor(Duration.ofSeconds(30),
                () -> !partners.cases().isEmpty()), approved + " approved, " + partners.cases().size() + " at the agency");
        boolean bought = waitFor(Duration.ofSeconds(30), () -> "ACCEPTED".equals(helder.call("collection-gateway")
                .get("/factoring-offers/" + offer).then().extract().path("status")));
        check("An invoice was sold to the demo factor", bought && "CLOSED".equals(status(helder, sold.getString("invoiceId"))),
                sold.getString("invoiceNumber"));
        long paid = Stream.concat(paidByApi.stream(), paidByBank.stream())
                .filter(i -> "CLOSED".equals(status(helder, i.getString("invoiceId")))).count();
        check("Invoices paid by the API and the bank statement are closed", paid == 20, paid + " of 20");
        JsonPath aging = helder.call("dunning-service").get("/reports/aging").then().statusCode(200).extract().jsonPath();
        say("Aging on " + aging.getString("on") + ": " + aging.getString("total.amount") + " EUR open in " + aging.getInt("count") + " claims");
        for (Map<String, Object> bucket : aging.<Map<String, Object>>getList("buckets")) {
            say(String.format(Locale.ROOT, "  %-12s %3s claims %12s EUR", bucket.get("label"), bucket.get("count"),
                    ((Map<?, ?>) bucket.get("amount")).get("amount")));
        }
        check("The aging report shows the open claims by age", aging.getInt("count") > 0, aging.getString("total.amount") + " EUR");
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private void check(String what, boolean passed, String detail) {
        checks.add(new Check(what, passed, detail));
        say("  " + (passed ? "passed" : "FAILED") + ": " + what);
    }

    private void awaitCases(Tenant tenant, int count) {
        if (!waitFor(Duration.ofSeconds(60), () -> tenant.dunningCases(null).size() >= count)) {
            say("  only " + tenant.dunningCases(null).size() + " of " + count + " dunning cases after a minute");
        }
    }

    private static String status(Tenant tenant, String caseId) {
        JsonPath found = tenant.dunningCase(caseId);
        return found == null ? "unknown" : found.getString("state.status");
    }

    private static boolean waitFor(Duration atMost, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Target.sleep(Duration.ofMillis(250));
        }
        return condition.getAsBoolean();
    }

    private static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String envelope(Path letter) {
        Path envelope = letter.resolveSibling(letter.getFileName().toString().replace(".pdf", ".envelope.txt"));
        return Files.exists(envelope) ? read(envelope) : "";
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

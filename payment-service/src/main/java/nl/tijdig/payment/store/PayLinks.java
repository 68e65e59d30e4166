package nl.tijdig.payment.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.events.PaymentLinkCreated;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.PaymentEvent;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * Payment links and the tenants' providers. A link is asked for (PENDING) in the transaction that
 * records an issued invoice, when the tenant has a provider; the {@link nl.tijdig.payment.paylink.PayLinkWorker} creates it at
 * the provider (OPEN, PaymentLinkCreated). When nothing is open on the invoice any more, the link is
 * closed (CLOSING, then CLOSED and PaymentLinkClosed); paid through the link, it is PAID.
 */
@ApplicationScoped
public class PayLinks implements PaymentReaction {

    static final String STREAM_TYPE = "pay-link";

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** A tenant's provider settings. */
    public record Provider(TenantId tenant, String provider, String baseUrl, String apiKey, UUID partnerId,
            String webhookBaseUrl, String redirectUrl) {

        /** Where the provider posts its webhook for this tenant: the opaque partner id, never the tenant. */
        public String webhookUrl() {
            return webhookBaseUrl.replaceAll("/+$", "") + "/callbacks/" + partnerId + "/payments";
        }
    }

    /** A link as stored. */
    public record Link(TenantId tenant, UUID linkId, InvoiceId invoiceId, DebtorId debtorId, String invoiceNumber,
            Money amount, String status, String providerPaymentId, String url, int attempts, String closeReason) {
    }

    public Uni<Optional<Provider>> provider(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT * FROM payment_providers WHERE tenant_id = $1").execute(Tuple.of(tenant.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(provider(rows.iterator().next())));
    }

    public Uni<Optional<Provider>> byPartner(SqlClient client, UUID partnerId) {
        return client.preparedQuery("SELECT * FROM payment_providers WHERE partner_id = $1").execute(Tuple.of(partnerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(provider(rows.iterator().next())));
    }

    /** Saves the tenant's provider; its partner id stays once given. */
    public Uni<Provider> save(SqlConnection tx, TenantId tenant, String provider, String baseUrl, String apiKey,
            String webhookBaseUrl, String redirectUrl) {
        return tx.preparedQuery("INSERT INTO payment_providers (tenant_id, provider, base_url, api_key, partner_id, "
                        + "webhook_base_url, redirect_url) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id) DO UPDATE "
                        + "SET provider = EXCLUDED.provider, base_url = EXCLUDED.base_url, api_key = EXCLUDED.api_key, "
                        + "webhook_base_url = EXCLUDED.webhook_base_url, redirect_url = EXCLUDED.redirect_url RETURNING *")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), provider, baseUrl, apiKey, ids.next(), webhookBaseUrl,
                        redirectUrl)))
                .map(rows -> provider(rows.iterator().next()));
    }

    /** Asks for a link for a newly issued invoice, when the tenant has a provider. */
    public Uni<Void> requested(SqlConnection tx, InvoiceIssued invoice) {
        Money amount = invoice.totalInclVat();
        return tx.preparedQuery("INSERT INTO pay_links (tenant_id, link_id, invoice_id, debtor_id, invoice_number, currency, "
                        + "amount, status) SELECT $1, $2, $3, $4, $5, $6, $7, 'PENDING' FROM payment_providers "
                        + "WHERE tenant_id = $1 ON CONFLICT DO NOTHING")
                .execute(Tuple.tuple(Arrays.asList(invoice.tenantId().value(), ids.next(), invoice.invoiceId().value(),
                        invoice.debtor().debtorId().value(), invoice.invoiceNumber(), amount.currency().getCurrencyCode(),
                        amount.amount())))
                .replaceWithVoid();
    }

    /**
     * Links of invoices with nothing open any more: a pending one is cancelled, an open one closes.
     * Called in the transactions that change what is open.
     */
    public Uni<Void> settled(SqlConnection tx, TenantId tenant, List<InvoiceId> invoices) {
        if (invoices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = invoices.stream().map(InvoiceId::value).toArray(UUID[]::new);
        return tx.preparedQuery("UPDATE pay_links l SET status = CASE l.status WHEN 'PENDING' THEN 'CANCELLED' ELSE 'CLOSING' END "
                        + "FROM open_items o WHERE l.tenant_id = $1 AND l.invoice_id = ANY($2) AND l.status IN ('PENDING', 'OPEN') "
                        + "AND o.tenant_id = l.tenant_id AND o.invoice_id = l.invoice_id AND o.open <= 0")
                .execute(Tuple.of(tenant.value(), ids)).replaceWithVoid();
    }

    /** A payment that settled invoices closes their links. */
    @Override
    public Uni<Void> on(SqlConnection tx, PaymentEvent event) {
        return event instanceof PaymentReceived received
                ? settled(tx, received.tenantId(), received.allocations().stream().map(Allocation::invoiceId).toList())
                : Uni.createFrom().voidItem();
    }

    /** Links of invoices handed over close (a pending one is cancelled): to an agency (ESCALATED), to a factor (ASSIGNED). */
    public Uni<Void> handedOver(SqlConnection tx, TenantId tenant, List<InvoiceId> invoices,
            PaymentLinkClosed.Reason reason) {
        if (invoices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = invoices.stream().map(InvoiceId::value).toArray(UUID[]::new);
        return tx.preparedQuery("UPDATE pay_links SET close_reason = $3, "
                        + "status = CASE status WHEN 'PENDING' THEN 'CANCELLED' ELSE 'CLOSING' END "
                        + "WHERE tenant_id = $1 AND invoice_id = ANY($2) AND status IN ('PENDING', 'OPEN')")
                .execute(Tuple.of(tenant.value(), ids, reason.name())).replaceWithVoid();
    }

    /**
     * Claims the next link to work on (PENDING or CLOSING) for a minute, so that one replica calls the
     * provider for it while no transaction is held open across the call.
     */
    public Uni<Optional<Link>> claim(SqlClient client) {
        return client.preparedQuery("UPDATE pay_links SET claimed_until = now() + interval '60 seconds' "
                        + "WHERE (tenant_id, link_id) = (SELECT tenant_id, link_id FROM pay_links "
                        + "WHERE status IN ('PENDING', 'CLOSING') AND attempts < 10 "
                        + "AND (claimed_until IS NULL OR claimed_until < now()) ORDER BY attempts, link_id LIMIT 1 "
                        + "FOR UPDATE SKIP LOCKED) RETURNING *")
                .execute().map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(link(rows.iterator().next())));
    }

    public Uni<Void> opened(SqlConnection tx, Link link, String providerPaymentId, String url, String provider) {
        return tx.preparedQuery("UPDATE pay_links SET status = 'OPEN', provider_payment_id = $3, url = $4, error = NULL, "
                        + "claimed_until = NULL WHERE tenant_id = $1 AND link_id = $2")
                .execute(Tuple.of(link.tenant().value(), link.linkId(), providerPaymentId, url))
                .chain(() -> append(tx, link.tenant(), link.linkId(), 0, new PaymentLinkCreated(link.tenant(), link.linkId(),
                        link.invoiceId(), link.debtorId(), link.amount(), url, provider, clock.instant())));
    }

    public Uni<Void> closed(SqlConnection tx, Link link, PaymentLinkClosed.Reason reason) {
        return tx.preparedQuery("UPDATE pay_links SET status = $3, claimed_until = NULL WHERE tenant_id = $1 AND link_id = $2")
                .execute(Tuple.of(link.tenant().value(), link.linkId(), reason == PaymentLinkClosed.Reason.PAID ? "PAID" : "CLOSED"))
                .chain(() -> DecisionStore.record(store, ids, tx, link.tenant(), new StreamRef(link.linkId(), STREAM_TYPE),
                        List.of(new PaymentLinkClosed(link.tenant(), link.linkId(), link.invoiceId(), reason, clock.instant()))));
    }

    public Uni<Void> failed(SqlConnection tx, Link link, String error) {
        return tx.preparedQuery("UPDATE pay_links SET attempts = attempts + 1, error = $3, "
                        + "claimed_until = now() + (attempts + 1) * interval '30 seconds', "
                        + "status = CASE WHEN attempts + 1 >= 10 THEN 'FAILED' ELSE status END WHERE tenant_id = $1 AND link_id = $2")
                .execute(Tuple.of(link.tenant().value(), link.linkId(), error)).replaceWithVoid();
    }

    /** The tenant's link of a provider payment, locked. */
    public Uni<Optional<Link>> byProviderPayment(SqlClient client, TenantId tenant, String providerPaymentId) {
        return client.preparedQuery("SELECT * FROM pay_links WHERE tenant_id = $1 AND provider_payment_id = $2 FOR UPDATE")
                .execute(Tuple.of(tenant.value(), providerPaymentId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(link(rows.iterator().next())));
    }

    /** The tenant's links of an invoice, newest first. */
    public Uni<List<Link>> ofInvoice(SqlClient client, TenantId tenant, InvoiceId invoice) {
        return client.preparedQuery("SELECT * FROM pay_links WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY link_id DESC")
                .execute(Tuple.of(tenant.value(), invoice.value())).map(rows -> {
                    List<Link> links = new java.util.ArrayList<>();
                    rows.forEach(row -> links.add(link(row)));
                    return links;
                });
    }

    /** Records the provider's payment once; false when it was recorded before (a repeated webhook). */
    public Uni<Boolean> firstTime(SqlConnection tx, TenantId tenant, String providerPaymentId, UUID paymentId) {
        return tx.preparedQuery("INSERT INTO provider_payments (tenant_id, provider_payment_id, payment_id) VALUES ($1, $2, $3) "
                        + "ON CONFLICT DO NOTHING RETURNING provider_payment_id")
                .execute(Tuple.of(tenant.value(), providerPaymentId, paymentId)).map(rows -> rows.size() > 0);
    }

    private Uni<Void> append(SqlConnection tx, TenantId tenant, UUID linkId, long version, PaymentEvent event) {
        return DecisionStore.append(store, ids, tx, tenant, new StreamRef(linkId, STREAM_TYPE), version, List.of(event));
    }

    private static Provider provider(Row row) {
        return new Provider(new TenantId(row.getUUID("tenant_id")), row.getString("provider"), row.getString("base_url"),
                row.getString("api_key"), row.getUUID("partner_id"), row.getString("webhook_base_url"),
                row.getString("redirect_url"));
    }

    private static Link link(Row row) {
        return new Link(new TenantId(row.getUUID("tenant_id")), row.getUUID("link_id"), new InvoiceId(row.getUUID("invoice_id")),
                new DebtorId(row.getUUID("debtor_id")), row.getString("invoice_number"),
                Money.of(row.getBigDecimal("amount"), Money.currency(row.getString("currency"))), row.getString("status"),
                row.getString("provider_payment_id"), row.getString("url"), row.getInteger("attempts"),
                row.getString("close_reason"));
    }
}

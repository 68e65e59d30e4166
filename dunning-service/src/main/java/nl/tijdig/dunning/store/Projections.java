package nl.tijdig.dunning.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.DebtorDetails;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;

/**
 * What letters need from the other services, kept from their events: the creditor as its profile says,
 * each debtor's contact, each invoice's pay link.
 */
@ApplicationScoped
public class Projections {

    public Uni<Void> creditor(SqlConnection tx, CreditorProfileUpdated profile) {
        return tx.preparedQuery("INSERT INTO creditors (tenant_id, creditor, vat_deductible) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET creditor = EXCLUDED.creditor, vat_deductible = EXCLUDED.vat_deductible")
                .execute(Tuple.of(profile.tenantId().value(), json(profile.creditor()),
                        profile.vatDeductible() == null || profile.vatDeductible())).replaceWithVoid();
    }

    /**
     * The debtor's contact as letters use it. The invoice-service does not record a consent to email:
     * businesses with an email address are taken to receive notices by email, consumers by post (so a
     * 14-dagenbrief counts from its presumed day of receipt by post).
     */
    public Uni<Void> debtor(SqlConnection tx, TenantId tenant, DebtorId debtor, DebtorDetails details) {
        DebtorContact contact = new DebtorContact(debtor, details.name(), details.segment(), details.language(),
                details.email(), details.segment() == Segment.B2B && details.email() != null, null, details.address(),
                details.kvkNumber());
        return tx.preparedQuery("INSERT INTO dunning_debtors (tenant_id, debtor_id, contact) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (tenant_id, debtor_id) DO UPDATE SET contact = EXCLUDED.contact")
                .execute(Tuple.of(tenant.value(), debtor.value(), json(contact))).replaceWithVoid();
    }

    /** The invoice's pay link (null: closed). */
    public Uni<Void> payLink(SqlConnection tx, TenantId tenant, InvoiceId invoice, String url) {
        return tx.preparedQuery("UPDATE dunning_cases SET pay_link = $3 WHERE tenant_id = $1 AND case_id = $2")
                .execute(Tuple.of(tenant.value(), invoice.value(), url)).replaceWithVoid();
    }

    /**
     * The VAT percent the tenant's collection costs are raised by: 0 where it can deduct VAT (the default), the
     * standard rate where it cannot (art. 2 lid 3 Besluit BIK).
     */
    public Uni<java.math.BigDecimal> costsVatPercent(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT vat_deductible FROM creditors WHERE tenant_id = $1").execute(Tuple.of(tenant.value()))
                .map(rows -> rows.size() == 0 || rows.iterator().next().getBoolean("vat_deductible")
                        ? java.math.BigDecimal.ZERO : nl.tijdig.dunning.domain.WikCosts.STANDARD_VAT_PERCENT);
    }

    public Uni<Optional<CreditorSnapshot>> creditor(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT creditor FROM creditors WHERE tenant_id = $1").execute(Tuple.of(tenant.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(read(rows.iterator().next().getJsonObject(0), CreditorSnapshot.class)));
    }

    public Uni<Optional<DebtorContact>> contact(SqlClient client, TenantId tenant, DebtorId debtor) {
        return client.preparedQuery("SELECT contact FROM dunning_debtors WHERE tenant_id = $1 AND debtor_id = $2")
                .execute(Tuple.of(tenant.value(), debtor.value())).map(rows -> {
                    JsonObject contact = rows.size() == 0 ? null : rows.iterator().next().getJsonObject(0);
                    return contact == null ? Optional.empty() : Optional.of(read(contact, DebtorContact.class));
                });
    }

    static JsonObject json(Object value) {
        try {
            return new JsonObject(EventJson.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as JSON text, for a {@code $n::text::jsonb} parameter (no detour through a map). */
    static String text(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value from JSON text (a {@code jsonb} column selected {@code ::text}). */
    static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " does not read back: " + e.getMessage(), e);
        }
    }

    static <T> T read(JsonObject json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json.encode(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " does not read back: " + e.getMessage(), e);
        }
    }
}

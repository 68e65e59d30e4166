package nl.tijdig.notification.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.Channel;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.events.NotificationFailed;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.events.ReminderSuppressed;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.domain.Delivery;
import nl.tijdig.notification.domain.Outreach;
import nl.tijdig.notification.letters.LetterRenderer;

/**
 * The communication log. A ReminderDue is recorded as one communication per channel (PREPARED), with its
 * stable id and provider message id, in the transaction that takes the event in; a channel the debtor
 * cannot be reached on is FAILED at once. The sender claims what is due, renders it (stored before the
 * first attempt), sends it and records the end: SENT (ReminderSent), FAILED (NotificationFailed) or
 * SUPPRESSED (ReminderSuppressed), each the one event of the communication's stream, in the transaction
 * that changes its row.
 */
@ApplicationScoped
public class Communications {

    @Inject
    CaseStreams streams;

    @Inject
    PhoneTasks phoneTasks;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    /** A communication as the sender works it. */
    public record Claimed(UUID communicationId, TenantId tenant, CaseId caseId, UUID reminderId, Channel channel,
            String recipient, ReminderDue reminder, String providerMessageId, int attempts, Rendered rendered) {
    }

    /** What was rendered and stored for a communication. */
    public record Rendered(String subject, String html, String text, byte[] pdf, String contentHash) {
    }

    /** A communication as the log shows it. */
    public record Entry(UUID communicationId, UUID caseId, UUID reminderId, String channel, String kind, int step,
            String language, String recipient, List<UUID> invoiceIds, String subject, String contentHash,
            String providerMessageId, String template, String status, int attempts, String lastError,
            Instant reminderAt, Instant preparedAt, Instant sentAt, Instant endedAt, boolean hasPdf) {
    }

    /** Records the communications of a reminder; a redelivered reminder finds them and changes nothing. */
    public Uni<Void> record(SqlConnection tx, ReminderDue reminder) {
        Instant now = clock.instant();
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(reminder);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        UUID[] invoices = reminder.invoices().stream().map(InvoiceSummary::invoiceId).map(InvoiceId::value).toArray(UUID[]::new);
        String language = nl.tijdig.notification.domain.LetterModel.language(reminder);
        return Multi.createFrom().iterable(Outreach.plan(reminder)).onItem().transformToUniAndConcatenate(planned -> tx
                .preparedQuery("INSERT INTO communications (communication_id, tenant_id, reminder_id, case_id, channel, kind, "
                        + "step, language, recipient, invoice_ids, reminder, provider_message_id, status, next_attempt_at, "
                        + "reminder_at, prepared_at, last_error, ended_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                        + "$13, $14, $15, $14, $16, $17) ON CONFLICT (tenant_id, reminder_id, channel) DO NOTHING RETURNING communication_id")
                .execute(Tuple.tuple(Arrays.asList(planned.communicationId(), reminder.tenantId().value(),
                        reminder.reminderId(), reminder.caseId().value(), planned.channel().name(), reminder.kind().name(),
                        reminder.step(), language, planned.recipient(), invoices, json,
                        planned.channel() == Channel.EMAIL ? Delivery.messageId(planned.communicationId(), config.email().messageIdDomain())
                                : planned.communicationId().toString(),
                        planned.reachable() ? "PREPARED" : "FAILED", at(now), at(reminder.occurredAt()),
                        planned.unreachable(), planned.reachable() ? null : at(now))))
                .chain(rows -> rows.size() == 0 || planned.reachable() ? Uni.createFrom().voidItem()
                        : streams.append(tx, new NotificationFailed(reminder.tenantId(),
                                reminder.caseId(), reminder.reminderId(), planned.channel(), planned.unreachable(), true, now))))
                .collect().last().replaceWithVoid()
                .chain(() -> phoneTasks.known(tx, reminder.tenantId(), reminder.caseId(), reminder.debtor().debtorId()));
    }

    /**
     * Claims up to {@code limit} communications on the channel that are due, in a transaction holding their
     * rows ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work): each counts an attempt and is leased
     * for the back-off of that attempt, after which a sender that died mid-attempt is succeeded by another.
     */
    public Uni<List<Claimed>> claim(SqlConnection tx, Channel channel, int limit) {
        Instant now = clock.instant();
        return tx.preparedQuery("SELECT communication_id, tenant_id, case_id, reminder_id, recipient, reminder, "
                        + "provider_message_id, attempts, subject, body_html, body_text, pdf, content_hash FROM communications "
                        + "WHERE status = 'PREPARED' AND channel = $1 AND next_attempt_at <= $2 "
                        + "ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(channel.name(), at(now), limit))
                .chain(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    List<Tuple> leases = new ArrayList<>();
                    for (Row row : rows) {
                        int attempt = row.getInteger("attempts") + 1;
                        claimed.add(claimed(row, channel, attempt));
                        leases.add(Tuple.of(row.getUUID("communication_id"), attempt, at(now.plus(Delivery.backoff(attempt, config.sender().firstRetry())))));
                    }
                    if (leases.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    return tx.preparedQuery("UPDATE communications SET attempts = $2, next_attempt_at = $3 WHERE communication_id = $1")
                            .executeBatch(leases).replaceWith(claimed);
                });
    }

    /** Stores what was rendered, before the first attempt sends it; what was stored before stays. */
    public Uni<Void> rendered(SqlConnection tx, UUID communicationId, LetterRenderer.Rendered rendered) {
        return tx.preparedQuery("UPDATE communications SET subject = $2, body_html = $3, body_text = $4, pdf = $5, "
                        + "content_hash = $6, template = $7 WHERE communication_id = $1 AND content_hash IS NULL")
                .execute(Tuple.tuple(Arrays.asList(communicationId, rendered.subject(), rendered.html(), rendered.text(),
                        io.vertx.core.buffer.Buffer.buffer(rendered.pdf()), rendered.contentHash(), rendered.template())))
                .replaceWithVoid();
    }

    /** Whether every invoice of the reminder has been paid (the last check before sending). */
    public Uni<List<InvoiceId>> paidInvoices(SqlClient client, TenantId tenant, ReminderDue reminder) {
        UUID[] invoices = reminder.invoices().stream().map(InvoiceSummary::invoiceId).map(InvoiceId::value).toArray(UUID[]::new);
        return client.preparedQuery("SELECT invoice_id FROM paid_invoices WHERE tenant_id = $1 AND invoice_id = ANY($2)")
                .execute(Tuple.of(tenant.value(), invoices))
                .map(rows -> {
                    List<InvoiceId> paid = new ArrayList<>();
                    rows.forEach(row -> paid.add(new InvoiceId(row.getUUID(0))));
                    return paid.size() == invoices.length ? paid : List.of();
                });
    }

    /** Handed over: SENT and ReminderSent, once (a second recording finds the row ended and changes nothing). */
    public Uni<Boolean> sent(SqlConnection tx, Claimed c, String contentHash) {
        Instant now = clock.instant();
        return end(tx, c, "SENT", null, now).chain(ended -> !ended ? Uni.createFrom().item(false)
                : streams.append(tx, new ReminderSent(c.tenant(), c.caseId(), c.reminderId(),
                        c.channel(), c.recipient(), c.communicationId(), now, c.providerMessageId(), contentHash, now))
                        .replaceWith(true));
    }

    /** Given up: FAILED and NotificationFailed. */
    public Uni<Boolean> failed(SqlConnection tx, Claimed c, String reason, boolean permanent) {
        Instant now = clock.instant();
        return end(tx, c, "FAILED", reason, now).chain(ended -> !ended ? Uni.createFrom().item(false)
                : streams.append(tx, new NotificationFailed(c.tenant(), c.caseId(), c.reminderId(),
                        c.channel(), reason, permanent, now)).replaceWith(true));
    }

    /** Paid since: SUPPRESSED and ReminderSuppressed; nothing goes out. */
    public Uni<Boolean> suppressed(SqlConnection tx, Claimed c, List<InvoiceId> paid) {
        Instant now = clock.instant();
        return end(tx, c, "SUPPRESSED", null, now).chain(ended -> !ended ? Uni.createFrom().item(false)
                : streams.append(tx, new ReminderSuppressed(c.tenant(), c.caseId(), c.reminderId(),
                        c.channel(), ReminderSuppressed.Reason.PAID, paid, now)).replaceWith(true));
    }

    /**
     * An email that bounced after it was handed over (or during its attempt): BOUNCED and NotificationFailed,
     * once; a bounce for an email this service did not send, or already ended otherwise, changes nothing.
     */
    public Uni<Boolean> bounced(SqlConnection tx, String messageId, String reason, boolean permanent) {
        Instant now = clock.instant();
        return tx.preparedQuery("UPDATE communications SET status = 'BOUNCED', last_error = $2, ended_at = $3 "
                        + "WHERE provider_message_id = $1 AND channel = 'EMAIL' AND status IN ('SENT', 'PREPARED') "
                        + "RETURNING tenant_id, case_id, reminder_id")
                .execute(Tuple.of(messageId, reason, at(now)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Row row = rows.iterator().next();
                    TenantId tenant = new TenantId(row.getUUID("tenant_id"));
                    return streams.append(tx, new NotificationFailed(tenant, new CaseId(row.getUUID("case_id")),
                            row.getUUID("reminder_id"), Channel.EMAIL, reason, permanent, now)).replaceWith(true);
                });
    }

    /** A passing failure: noted; tried again when the attempt's lease ends. */
    public Uni<Void> attemptFailed(SqlConnection tx, Claimed c, String error) {
        return tx.preparedQuery("UPDATE communications SET last_error = $2 WHERE communication_id = $1 AND status = 'PREPARED'")
                .execute(Tuple.of(c.communicationId(), error)).replaceWithVoid();
    }

    private Uni<Boolean> end(SqlConnection tx, Claimed c, String status, String error, Instant now) {
        return tx.preparedQuery("UPDATE communications SET status = $2, last_error = COALESCE($3, last_error), ended_at = $4, "
                        + "sent_at = CASE WHEN $2 = 'SENT' THEN $4 ELSE sent_at END "
                        + "WHERE communication_id = $1 AND status = 'PREPARED'")
                .execute(Tuple.of(c.communicationId(), status, error, at(now))).map(rows -> rows.rowCount() == 1);
    }

    /** The tenant's communications, of a case when given, newest first. */
    public Uni<List<Entry>> list(SqlClient client, TenantId tenant, UUID caseId, String status, int limit) {
        return client.preparedQuery("SELECT " + ENTRY + " FROM communications WHERE tenant_id = $1 "
                        + "AND ($2::uuid IS NULL OR case_id = $2) AND ($3::text IS NULL OR status = $3) "
                        + "ORDER BY prepared_at DESC, communication_id LIMIT $4")
                .execute(Tuple.of(tenant.value(), caseId, status, limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    public Uni<Optional<Entry>> find(SqlClient client, TenantId tenant, UUID communicationId) {
        return client.preparedQuery("SELECT " + ENTRY + " FROM communications WHERE tenant_id = $1 AND communication_id = $2")
                .execute(Tuple.of(tenant.value(), communicationId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(entry(rows.iterator().next())));
    }

    /** The letter as PDF, when it has been rendered. */
    public Uni<Optional<byte[]>> pdf(SqlClient client, TenantId tenant, UUID communicationId) {
        return client.preparedQuery("SELECT pdf FROM communications WHERE tenant_id = $1 AND communication_id = $2 AND pdf IS NOT NULL")
                .execute(Tuple.of(tenant.value(), communicationId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBuffer(0).getBytes()));
    }

    /** The email's text and HTML as stored. */
    public Uni<Optional<Rendered>> content(SqlClient client, TenantId tenant, UUID communicationId) {
        return client.preparedQuery("SELECT subject, body_html, body_text, pdf, content_hash FROM communications "
                        + "WHERE tenant_id = $1 AND communication_id = $2 AND content_hash IS NOT NULL")
                .execute(Tuple.of(tenant.value(), communicationId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rendered(rows.iterator().next())));
    }

    private static final String ENTRY = "communication_id, case_id, reminder_id, channel, kind, step, language, recipient, "
            + "invoice_ids, subject, content_hash, provider_message_id, template, status, attempts, last_error, reminder_at, "
            + "prepared_at, sent_at, ended_at, pdf IS NOT NULL AS has_pdf";

    private static Entry entry(Row row) {
        return new Entry(row.getUUID("communication_id"), row.getUUID("case_id"), row.getUUID("reminder_id"),
                row.getString("channel"), row.getString("kind"), row.getInteger("step"), row.getString("language"),
                row.getString("recipient"), Arrays.asList(row.getArrayOfUUIDs("invoice_ids")), row.getString("subject"),
                row.getString("content_hash"), row.getString("provider_message_id"), row.getString("template"),
                row.getString("status"), row.getInteger("attempts"), row.getString("last_error"), instant(row, "reminder_at"),
                instant(row, "prepared_at"), instant(row, "sent_at"), instant(row, "ended_at"), row.getBoolean("has_pdf"));
    }

    private static Claimed claimed(Row row, Channel channel, int attempt) {
        ReminderDue reminder;
        try {
            reminder = EventJson.mapper().readValue(row.getString("reminder"), ReminderDue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("communication " + row.getUUID("communication_id") + ": its reminder does not read", e);
        }
        return new Claimed(row.getUUID("communication_id"), new TenantId(row.getUUID("tenant_id")),
                new CaseId(row.getUUID("case_id")), row.getUUID("reminder_id"), channel, row.getString("recipient"), reminder,
                row.getString("provider_message_id"), attempt, row.getString("content_hash") == null ? null : rendered(row));
    }

    private static Rendered rendered(Row row) {
        return new Rendered(row.getString("subject"), row.getString("body_html"), row.getString("body_text"),
                row.getBuffer("pdf").getBytes(), row.getString("content_hash"));
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

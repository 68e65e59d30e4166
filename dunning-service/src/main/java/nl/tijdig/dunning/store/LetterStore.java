package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.tijdig.dunning.domain.Publications;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.domain.DunningPolicy;
import nl.tijdig.dunning.domain.FourteenDayLetter;
import nl.tijdig.events.Channel;
import nl.tijdig.events.NotificationFailed;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.events.StepFlagged;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/**
 * The letters asked for (ReminderDue), followed until a channel confirms one sent:
 * <ul>
 * <li>ReminderSent: every case the letter was about records the step as delivered on the day it went out
 * (Europe/Amsterdam); for a final notice with the deadline the law gives — 14 days after the day of
 * receipt, a posted letter presumed received on the second day after posting (not counting Sundays,
 * Mondays and holidays), an email on its day where the debtor agreed to email; the later receipt counts.
 * <li>NotificationFailed on every channel of the letter: the same letter again on the step's fallback
 * channel (once); without one, StepFlagged (UNDELIVERABLE).
 * <li>No confirmation within the policy's {@code sentTimeoutDays}: the letter is published once more
 * (same reminder id: the notification-service sends it at most once per channel); still none after that,
 * StepFlagged (NOT_CONFIRMED). Its cases wait meanwhile: no later step is taken.
 * </ul>
 */
@ApplicationScoped
public class LetterStore {

    @Inject
    CaseStore cases;

    @Inject
    Projections projections;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Inject
    EqualDayStore equalDays;

    private record Pending(TenantId tenant, UUID reminderId, String stepKey, ReminderDue event, String fallback,
            List<String> channels, List<String> failed, boolean fallbackUsed, int attempts) {
    }

    public Uni<Void> sent(SqlConnection tx, ReminderSent sent) {
        LocalDate day = BusinessTime.dateOf(sent.sentAt());
        return tx.preparedQuery("UPDATE letters SET sent_on = coalesce(sent_on, $3), sent_channels = CASE WHEN $4 = ANY(sent_channels) "
                        + "THEN sent_channels ELSE array_append(sent_channels, $4) END WHERE tenant_id = $1 AND reminder_id = $2 "
                        + "RETURNING debtor_id, step_key, kind, case_ids")
                .execute(Tuple.of(sent.tenantId().value(), sent.reminderId(), day, sent.channel().name())).flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem(); // not a letter of ours
                    }
                    Row letter = rows.iterator().next();
                    DunningPolicy.Kind kind = DunningPolicy.Kind.valueOf(letter.getString("kind"));
                    Uni<LocalDate> deadline = kind != DunningPolicy.Kind.FINAL_NOTICE ? Uni.createFrom().nullItem()
                            : projections.contact(tx, sent.tenantId(), new DebtorId(letter.getUUID("debtor_id")))
                                    .flatMap(contact -> equalDays.days(tx).map(equal -> deadline(day, sent.channel(),
                                            contact.map(c -> c.emailAgreed()).orElse(false), equal)));
                    UUID[] caseIds = letter.getArrayOfUUIDs("case_ids");
                    String step = letter.getString("step_key");
                    return deadline.flatMap(last -> Multi.createFrom().iterable(Arrays.asList(caseIds))
                            .onItem().transformToUniAndConcatenate(id -> cases.handle(tx, sent.tenantId(), new InvoiceId(id),
                                    new DunningCase.Delivered(step, day, last)))
                            .collect().last().replaceWithVoid());
                });
    }

    /**
     * A channel failed: when every channel of the letter has, its fallback (once), or staff. A final notice that
     * was confirmed sent and then bounced: see {@link #failedAfterSent}.
     */
    public Uni<Void> failed(SqlConnection tx, NotificationFailed failed) {
        return pending(tx, "SELECT * FROM letters WHERE tenant_id = $1 AND reminder_id = $2 AND " + PENDING + " FOR UPDATE",
                Tuple.of(failed.tenantId().value(), failed.reminderId()))
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return failedAfterSent(tx, failed); // not ours, confirmed sent, or flagged already
                    }
                    Pending letter = found.get(0);
                    List<String> failedChannels = new ArrayList<>(letter.failed());
                    if (!failedChannels.contains(failed.channel().name())) {
                        failedChannels.add(failed.channel().name());
                    }
                    List<String> live = letter.fallbackUsed() ? List.of(Publications.channel(
                            DunningPolicy.Channel.valueOf(letter.fallback())).name()) : letter.channels().stream()
                            .map(c -> Publications.channel(DunningPolicy.Channel.valueOf(c)).name()).toList();
                    String detail = failed.channel() + " failed (" + failed.reason() + ")";
                    if (!failedChannels.containsAll(live)) {
                        return update(tx, letter, "failed_channels = $3", failedChannels.toArray(String[]::new));
                    }
                    if (letter.fallback() != null && !letter.fallbackUsed()
                            && !failedChannels.contains(Publications.channel(DunningPolicy.Channel.valueOf(letter.fallback())).name())) {
                        ReminderDue e = letter.event();
                        ReminderDue again = new ReminderDue(e.tenantId(), e.caseId(), e.reminderId(), e.step(), e.kind(),
                                List.of(Publications.channel(DunningPolicy.Channel.valueOf(letter.fallback()))), e.debtor(),
                                e.creditor(), e.invoices(), e.totalOpen(), e.collectionCosts(), e.interest(), e.totalDue(),
                                e.paymentReference(), e.payLink(), e.letterDate(), e.payWithinDays(), e.collectionCostsVat(),
                                clock.instant());
                        return publish(tx, letter, again).chain(() -> update(tx, letter,
                                "failed_channels = $3, fallback_used = true, last_attempt_on = $4",
                                failedChannels.toArray(String[]::new), BusinessTime.today(clock)));
                    }
                    return flag(tx, letter, StepFlagged.Reason.UNDELIVERABLE, detail + "; no fallback channel is left");
                });
    }

    /**
     * A final notice confirmed sent on a channel that then failed (a bounce after ReminderSent). The term of the
     * 14-dagenbrief never starts from a letter that did not arrive: when another channel it was confirmed on still
     * counts (a posted letter; an email the debtor agreed to), its receipt stands; otherwise each case's step waits
     * for the letter again ({@link DunningCase.Undelivered}) and the letter goes by post, dated today, its 14 days
     * counted from that letter's receipt — or, when the post failed too, staff are asked (StepFlagged).
     */
    private Uni<Void> failedAfterSent(SqlConnection tx, NotificationFailed failed) {
        return tx.preparedQuery("SELECT * FROM letters WHERE tenant_id = $1 AND reminder_id = $2 AND sent_on IS NOT NULL "
                        + "AND NOT flagged AND event IS NOT NULL AND kind = 'FINAL_NOTICE' AND $3 = ANY(sent_channels) FOR UPDATE")
                .execute(Tuple.of(failed.tenantId().value(), failed.reminderId(), failed.channel().name())).flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem(); // not ours, no final notice, or not sent on that channel
                    }
                    Row row = rows.iterator().next();
                    Pending letter = pendingOf(row);
                    LocalDate sentOn = row.getLocalDate("sent_on");
                    List<String> remaining = new ArrayList<>(Arrays.asList(row.getArrayOfStrings("sent_channels")));
                    remaining.remove(failed.channel().name());
                    List<String> failedChannels = new ArrayList<>(letter.failed());
                    if (!failedChannels.contains(failed.channel().name())) {
                        failedChannels.add(failed.channel().name());
                    }
                    LocalDate today = BusinessTime.today(clock);
                    String why = failed.channel() + " failed after it was sent (" + failed.reason() + ")";
                    return projections.contact(tx, letter.tenant(), new DebtorId(row.getUUID("debtor_id"))).flatMap(contact -> {
                        boolean emailAgreed = contact.map(c -> c.emailAgreed()).orElse(false);
                        boolean counts = remaining.stream().anyMatch(c -> deadline(sentOn, Channel.valueOf(c), emailAgreed,
                                java.util.Set.of()) != null);
                        if (counts) {
                            return update(tx, letter, "sent_channels = $3, failed_channels = $4",
                                    remaining.toArray(String[]::new), failedChannels.toArray(String[]::new));
                        }
                        UUID[] caseIds = row.getArrayOfUUIDs("case_ids");
                        Uni<Void> undone = Multi.createFrom().iterable(Arrays.asList(caseIds))
                                .onItem().transformToUniAndConcatenate(id -> cases.handle(tx, letter.tenant(), new InvoiceId(id),
                                        new DunningCase.Undelivered(letter.stepKey(), why, today)))
                                .collect().last().replaceWithVoid();
                        if (failedChannels.contains(Channel.LETTER.name())) {
                            return undone.chain(() -> flag(tx, letter, StepFlagged.Reason.UNDELIVERABLE, why
                                    + "; the letter by post failed too"));
                        }
                        ReminderDue e = letter.event();
                        ReminderDue byPost = new ReminderDue(e.tenantId(), e.caseId(), e.reminderId(), e.step(), e.kind(),
                                List.of(Channel.LETTER), e.debtor(), e.creditor(), e.invoices(), e.totalOpen(), e.collectionCosts(),
                                e.interest(), e.totalDue(), e.paymentReference(), e.payLink(), today, e.payWithinDays(),
                                e.collectionCostsVat(), clock.instant());
                        return undone.chain(() -> publish(tx, letter, byPost)).chain(() -> update(tx, letter,
                                "sent_on = NULL, sent_channels = '{}', failed_channels = $3, channels = ARRAY['POST'], fallback = NULL, "
                                        + "fallback_used = false, attempts = 1, last_attempt_on = $4, event = $5::text::jsonb",
                                failedChannels.toArray(String[]::new), today, Projections.text(byPost)));
                    });
                });
    }

    /** The letters of every tenant waiting for a confirmation longer than their policy allows, in batches. */
    public Uni<Void> followUpAll(LocalDate today, int batchSize) {
        return pool.withTransaction(tx -> followUp(tx, today, batchSize))
                .flatMap(count -> count < batchSize ? Uni.createFrom().voidItem() : followUpAll(today, batchSize));
    }

    private Uni<Integer> followUp(SqlConnection tx, LocalDate today, int batchSize) {
        return pending(tx, "SELECT * FROM letters WHERE " + PENDING + " AND last_attempt_on + timeout_days <= $1 "
                + "ORDER BY last_attempt_on LIMIT $2 FOR UPDATE SKIP LOCKED", Tuple.of(today, batchSize)).flatMap(letters -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Pending letter : letters) {
                        chain = chain.chain(() -> letter.attempts() < 2
                                ? publish(tx, letter, letter.event()).chain(() -> update(tx, letter,
                                        "attempts = attempts + 1, last_attempt_on = $3",
                                        today))
                                : flag(tx, letter, StepFlagged.Reason.NOT_CONFIRMED, "no channel confirmed the letter of "
                                        + letter.event().letterDate() + " sent, also after sending it again"));
                    }
                    return chain.replaceWith(letters.size());
                });
    }

    /** A letter still waiting for a confirmation, not flagged. */
    private static final String PENDING = "sent_on IS NULL AND NOT flagged AND event IS NOT NULL";

    private Uni<List<Pending>> pending(SqlConnection tx, String sql, Tuple args) {
        return tx.preparedQuery(sql).execute(args).map(rows -> {
                    List<Pending> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(pendingOf(row));
                    }
                    return found;
                });
    }

    private static Pending pendingOf(Row row) {
        return new Pending(new TenantId(row.getUUID("tenant_id")), row.getUUID("reminder_id"),
                row.getString("step_key"), Projections.read(row.getJsonObject("event"), ReminderDue.class),
                row.getString("fallback"), Arrays.asList(row.getArrayOfStrings("channels")),
                Arrays.asList(row.getArrayOfStrings("failed_channels")), row.getBoolean("fallback_used"),
                row.getInteger("attempts"));
    }

    /** Publishes on the stream of the letter's case (its first invoice's), whose key the letter's events carry. */
    private Uni<Void> publish(SqlConnection tx, Pending letter, PublicEvent event) {
        return cases.lock(tx, letter.tenant(), new InvoiceId(letter.event().caseId().value())).flatMap(found -> {
            CaseStore.CaseRow row = found.orElseThrow(() -> new IllegalStateException("letter " + letter.reminderId()
                    + " names case " + letter.event().caseId().value() + ", which is not here"));
            return cases.save(tx, List.of(new CaseStore.Change(row, row.state(), List.of(), List.of(event))));
        });
    }

    private Uni<Void> flag(SqlConnection tx, Pending letter, StepFlagged.Reason reason, String detail) {
        StepFlagged flagged = new StepFlagged(letter.tenant(), letter.event().caseId(), letter.reminderId(), letter.stepKey(),
                reason, detail, clock.instant());
        return publish(tx, letter, flagged).chain(() -> update(tx, letter,
                "flagged = true"));
    }

    private Uni<Void> update(SqlConnection tx, Pending letter, String set, Object... values) {
        List<Object> args = new ArrayList<>(List.of(letter.tenant().value(), letter.reminderId()));
        args.addAll(Arrays.asList(values));
        return tx.preparedQuery("UPDATE letters SET " + set + " WHERE tenant_id = $1 AND reminder_id = $2")
                .execute(Tuple.tuple(args)).replaceWithVoid();
    }

    /**
     * The final notice's deadline by the channel it went on (null: a channel that does not count), with the days
     * made equal to holidays.
     */
    static LocalDate deadline(LocalDate sent, Channel channel, boolean emailAgreed, java.util.Set<LocalDate> equalDays) {
        return switch (channel) {
            case LETTER, REGISTERED_LETTER -> FourteenDayLetter.deadline(sent, FourteenDayLetter.Delivery.POST, emailAgreed,
                    equalDays);
            case EMAIL -> emailAgreed ? FourteenDayLetter.deadline(sent, FourteenDayLetter.Delivery.EMAIL, true, equalDays)
                    : null;
            case SMS, PHONE -> null;
        };
    }
}

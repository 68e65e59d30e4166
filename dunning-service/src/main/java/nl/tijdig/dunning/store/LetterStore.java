package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.domain.DunningPolicy;
import nl.tijdig.dunning.domain.FourteenDayLetter;
import nl.tijdig.events.Channel;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;

/**
 * The letters asked for, and what happens when the notification-service reports one sent: every case
 * the letter was about records the step as delivered on the day it went out (Europe/Amsterdam); for a
 * final notice with the deadline the law gives — 14 days after the day of receipt, a posted letter
 * presumed received on the second day after posting (not counting Sundays, Mondays and holidays), an
 * email on its day where the debtor agreed to email; the later receipt counts.
 */
@ApplicationScoped
public class LetterStore {

    @Inject
    CaseStore cases;

    @Inject
    Projections projections;

    public Uni<Void> sent(SqlConnection tx, ReminderSent sent) {
        return tx.preparedQuery("SELECT debtor_id, step_key, kind, case_ids FROM letters WHERE tenant_id = $1 AND reminder_id = $2")
                .execute(Tuple.of(sent.tenantId().value(), sent.reminderId())).flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem(); // not a letter of ours
                    }
                    Row letter = rows.iterator().next();
                    LocalDate day = BusinessTime.dateOf(sent.sentAt());
                    DunningPolicy.Kind kind = DunningPolicy.Kind.valueOf(letter.getString("kind"));
                    Uni<LocalDate> deadline = kind != DunningPolicy.Kind.FINAL_NOTICE ? Uni.createFrom().nullItem()
                            : projections.contact(tx, sent.tenantId(), new DebtorId(letter.getUUID("debtor_id")))
                                    .map(contact -> deadline(day, sent.channel(),
                                            contact.map(c -> c.emailAgreed()).orElse(false)));
                    UUID[] caseIds = letter.getArrayOfUUIDs("case_ids");
                    String step = letter.getString("step_key");
                    return deadline.flatMap(last -> Multi.createFrom().iterable(Arrays.asList(caseIds))
                            .onItem().transformToUniAndConcatenate(id -> cases.handle(tx, sent.tenantId(), new InvoiceId(id),
                                    new DunningCase.Delivered(step, day, last)))
                            .collect().last().replaceWithVoid());
                });
    }

    /** The final notice's deadline by the channel it went on (null: a channel that does not count). */
    static LocalDate deadline(LocalDate sent, Channel channel, boolean emailAgreed) {
        return switch (channel) {
            case LETTER, REGISTERED_LETTER -> FourteenDayLetter.deadline(sent, FourteenDayLetter.Delivery.POST, emailAgreed);
            case EMAIL -> emailAgreed ? FourteenDayLetter.deadline(sent, FourteenDayLetter.Delivery.EMAIL, true) : null;
            case SMS, PHONE -> null;
        };
    }
}

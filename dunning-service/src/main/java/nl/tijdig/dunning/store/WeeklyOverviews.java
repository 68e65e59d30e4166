package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.domain.WeeklyOverview;
import nl.tijdig.events.WeeklyOverviewCompiled;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The tenants' weekly overviews: compiled from the cases (for {@code GET /reports/weekly-overview} and
 * for the scheduler), and published once per ISO week per tenant (WeeklyOverviewCompiled, on the tenant's
 * overview stream, type {@code weekly-overview}) in the transaction that records the week.
 */
@ApplicationScoped
public class WeeklyOverviews {

    static final String STREAM_TYPE = "weekly-overview";

    /** The tenant's day unless it set one. */
    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** The tenant's overview on {@code on}. */
    public Uni<WeeklyOverviewCompiled> compile(SqlClient client, TenantId tenant, LocalDate on) {
        return client.preparedQuery("SELECT c.case_id, c.invoice_number, c.debtor_id, d.contact->>'name' AS debtor_name, "
                        + "c.due_date, c.open, c.status FROM dunning_cases c LEFT JOIN dunning_debtors d "
                        + "ON d.tenant_id = c.tenant_id AND d.debtor_id = c.debtor_id "
                        + "WHERE c.tenant_id = $1 AND c.status <> 'CLOSED' AND c.open > 0 AND c.currency = 'EUR'")
                .execute(Tuple.of(tenant.value())).flatMap(rows -> {
                    List<WeeklyOverview.Claim> claims = new ArrayList<>();
                    for (Row r : rows) {
                        claims.add(new WeeklyOverview.Claim(new CaseId(r.getUUID("case_id")), r.getString("invoice_number"),
                                new DebtorId(r.getUUID("debtor_id")), r.getString("debtor_name"), r.getLocalDate("due_date"),
                                Money.eur(r.getBigDecimal("open")), DunningCase.Status.valueOf(r.getString("status"))));
                    }
                    return client.preparedQuery("SELECT "
                                    + "(SELECT coalesce(sum(principal), 0) FROM dunning_cases WHERE tenant_id = $1 "
                                    + "AND currency = 'EUR' AND issue_date > $2 AND issue_date <= $3) AS invoiced, "
                                    + "(SELECT coalesce(sum((m->'openBefore'->>'amount')::numeric "
                                    + "- (m->'openAfter'->>'amount')::numeric), 0) FROM dunning_cases c, "
                                    + "jsonb_array_elements(c.state->'movements') m WHERE c.tenant_id = $1 AND c.currency = 'EUR' "
                                    + "AND (m->>'payment')::boolean AND (m->>'on')::date > $4 AND (m->>'on')::date <= $3) AS paid, "
                                    + "(SELECT count(*) FROM letters WHERE tenant_id = $1 AND flagged AND sent_on IS NULL "
                                    + "AND letter_date > $2) AS flagged")
                            .execute(Tuple.of(tenant.value(), on.minusDays(WeeklyOverview.DSO_DAYS), on, on.minusDays(7)))
                            .map(sums -> {
                                Row r = sums.iterator().next();
                                return WeeklyOverview.compile(tenant, on, claims, Money.eur(r.getBigDecimal("invoiced")),
                                        Money.eur(r.getBigDecimal("paid")), r.getLong("flagged").intValue(), clock.instant());
                            });
                });
    }

    /**
     * Publishes the overview of up to {@code batchSize} tenants whose overview is due today (tenants with
     * cases; their day from {@code dunning_settings}, Monday unless set, OFF for none), each once per week;
     * returns how many.
     */
    public Uni<Integer> publishDue(SqlConnection tx, LocalDate today, int batchSize) {
        return tx.preparedQuery("SELECT t.tenant_id, coalesce(s.weekly_overview_day, $1) AS day, w.week, "
                        + "coalesce(w.stream_version, 0) AS stream_version FROM creditors t "
                        + "LEFT JOIN dunning_settings s ON s.tenant_id = t.tenant_id "
                        + "LEFT JOIN weekly_overviews w ON w.tenant_id = t.tenant_id "
                        + "WHERE array_position(ARRAY['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', "
                        + "'SUNDAY'], coalesce(s.weekly_overview_day, $1)) <= $4 AND w.week IS DISTINCT FROM $2 "
                        + "AND EXISTS (SELECT 1 FROM dunning_cases c WHERE c.tenant_id = t.tenant_id) "
                        + "ORDER BY t.tenant_id LIMIT $3 FOR UPDATE OF t SKIP LOCKED")
                .execute(Tuple.of(DEFAULT_DAY.name(), WeeklyOverview.weekOf(today), batchSize, today.getDayOfWeek().getValue()))
                .flatMap(rows -> {
                    Uni<Integer> published = Uni.createFrom().item(0);
                    for (Row r : rows) {
                        TenantId tenant = new TenantId(r.getUUID("tenant_id"));
                        if (!WeeklyOverview.due(today, DayOfWeek.valueOf(r.getString("day")), r.getString("week"))) {
                            throw new IllegalStateException("the query and WeeklyOverview.due disagree for tenant " + tenant.value());
                        }
                        long version = r.getLong("stream_version");
                        published = published.flatMap(n -> compile(tx, tenant, today).flatMap(overview -> DecisionStore.append(store, ids, tx,
                                        tenant, new StreamRef(overview.overviewId(), STREAM_TYPE), version, List.of(overview))
                                .chain(() -> tx.preparedQuery("INSERT INTO weekly_overviews (tenant_id, week, published_on, "
                                                + "stream_version) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id) DO UPDATE SET "
                                                + "week = EXCLUDED.week, published_on = EXCLUDED.published_on, "
                                                + "stream_version = EXCLUDED.stream_version")
                                        .execute(Tuple.of(tenant.value(), overview.week(), today, version + 1)))
                                .replaceWith(n + 1)));
                    }
                    return published.replaceWith(rows.size());
                });
    }
}

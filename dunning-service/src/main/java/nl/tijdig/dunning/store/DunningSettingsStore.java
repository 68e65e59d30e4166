package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A tenant's dunning settings (table {@code dunning_settings}): the open amount above which a write-off needs
 * a second user, and the day of the week its weekly overview is compiled; the defaults where none is set.
 */
@ApplicationScoped
public class DunningSettingsStore {

    /** The threshold unless a tenant set one. */
    public static final Money DEFAULT_WRITE_OFF_APPROVAL_ABOVE = Money.eur("500.00");

    /** A tenant's settings: the threshold in euro, the overview's day (MONDAY … SUNDAY or OFF). */
    public record Settings(Money writeOffApprovalAbove, String weeklyOverviewDay) {
    }

    public Uni<Settings> get(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT write_off_approval_above, weekly_overview_day FROM dunning_settings "
                        + "WHERE tenant_id = $1")
                .execute(Tuple.of(tenant.value())).map(rows -> {
                    if (rows.size() == 0) {
                        return new Settings(DEFAULT_WRITE_OFF_APPROVAL_ABOVE, WeeklyOverviews.DEFAULT_DAY.name());
                    }
                    Row row = rows.iterator().next();
                    String day = row.getString(1);
                    return new Settings(Money.eur(row.getBigDecimal(0)), day == null ? WeeklyOverviews.DEFAULT_DAY.name() : day);
                });
    }

    public Uni<Settings> put(SqlClient client, TenantId tenant, Settings settings) {
        return client.preparedQuery("INSERT INTO dunning_settings (tenant_id, write_off_approval_above, weekly_overview_day) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO UPDATE SET "
                        + "write_off_approval_above = EXCLUDED.write_off_approval_above, "
                        + "weekly_overview_day = EXCLUDED.weekly_overview_day")
                .execute(Tuple.of(tenant.value(), settings.writeOffApprovalAbove().amount(), settings.weeklyOverviewDay()))
                .replaceWith(settings);
    }

    /** The tenant's write-off threshold. */
    public Uni<Money> threshold(SqlClient client, TenantId tenant) {
        return get(client, tenant).map(Settings::writeOffApprovalAbove);
    }
}

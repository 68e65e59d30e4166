package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import nl.tijdig.dunning.store.WeeklyOverviews;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The tenant's dunning settings: the open amount above which a write-off needs a second user (€ 500 unless
 * set), and the day of the week its weekly overview is compiled for the creditor (MONDAY … SUNDAY, or OFF;
 * Monday unless set). A PUT replaces both: a day left out is Monday again.
 */
@Path("/dunning-settings")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DunningSettingsResource {

    public static final Money DEFAULT_WRITE_OFF_APPROVAL_ABOVE = Money.eur("500.00");

    /** The threshold in euro; the overview's day. */
    public record Settings(BigDecimal writeOffApprovalAbove, String weeklyOverviewDay) {
    }

    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "OFF");

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @GET
    public Uni<Settings> get() {
        return pool.preparedQuery("SELECT write_off_approval_above, weekly_overview_day FROM dunning_settings WHERE tenant_id = $1")
                .execute(Tuple.of(tenant.get().value())).map(rows -> {
                    if (rows.size() == 0) {
                        return new Settings(DEFAULT_WRITE_OFF_APPROVAL_ABOVE.amount(), WeeklyOverviews.DEFAULT_DAY.name());
                    }
                    io.vertx.mutiny.sqlclient.Row row = rows.iterator().next();
                    String day = row.getString(1);
                    return new Settings(Money.eur(row.getBigDecimal(0)).amount(), day == null ? WeeklyOverviews.DEFAULT_DAY.name() : day);
                });
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Settings> put(Settings request) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (request == null || request.writeOffApprovalAbove() == null || request.writeOffApprovalAbove().signum() < 0
                || request.writeOffApprovalAbove().stripTrailingZeros().scale() > 2) {
            errors.add(new Problem.FieldError("writeOffApprovalAbove",
                    "is required: an amount in euro, 0 or more, at most 2 decimals"));
        }
        if (request != null && request.weeklyOverviewDay() != null && !DAYS.contains(request.weeklyOverviewDay())) {
            errors.add(new Problem.FieldError("weeklyOverviewDay", "must be one of " + DAYS));
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "dunning settings");
        }
        TenantId owner = tenant.get();
        String day = request.weeklyOverviewDay() == null ? WeeklyOverviews.DEFAULT_DAY.name() : request.weeklyOverviewDay();
        return pool.preparedQuery("INSERT INTO dunning_settings (tenant_id, write_off_approval_above, weekly_overview_day) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO UPDATE SET "
                        + "write_off_approval_above = EXCLUDED.write_off_approval_above, "
                        + "weekly_overview_day = EXCLUDED.weekly_overview_day")
                .execute(Tuple.of(owner.value(), request.writeOffApprovalAbove(), day))
                .replaceWith(new Settings(Money.eur(request.writeOffApprovalAbove()).amount(), day));
    }

    /** The tenant's threshold. */
    public static Uni<Money> threshold(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT write_off_approval_above FROM dunning_settings WHERE tenant_id = $1")
                .execute(Tuple.of(tenant.value())).map(rows -> rows.size() == 0 ? DEFAULT_WRITE_OFF_APPROVAL_ABOVE
                        : Money.eur(rows.iterator().next().getBigDecimal(0)));
    }
}

package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** The tenant's cases by state, debtor and age (days past due), oldest due first; paged by a cursor. */
@Path("/cases")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class CaseListResource {

    /** A case in a list. */
    public record Item(UUID caseId, String invoiceNumber, UUID debtorId, String status, LocalDate dueDate,
            long daysPastDue, BigDecimal open, String currency, LocalDate nextActionOn) {
    }

    /** A page and the cursor of the next ({@code after}; null on the last). */
    public record Page(List<Item> cases, String next) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /**
     * {@code status} one of the case states; {@code debtorId}; {@code minDaysPastDue} (0: due today or
     * earlier); {@code limit} 1–200; {@code after} the {@code next} of the page before.
     */
    @GET
    public Uni<Page> list(@QueryParam("status") String status, @QueryParam("debtorId") UUID debtorId,
            @QueryParam("minDaysPastDue") Integer minDaysPastDue, @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("after") String after) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (status != null && Arrays.stream(DunningCase.Status.values()).noneMatch(s -> s.name().equals(status))) {
            errors.add(new Problem.FieldError("status", "must be one of " + Arrays.toString(DunningCase.Status.values())));
        }
        if (limit < 1 || limit > 200) {
            errors.add(new Problem.FieldError("limit", "must be 1 to 200"));
        }
        if (minDaysPastDue != null && minDaysPastDue < 0) {
            errors.add(new Problem.FieldError("minDaysPastDue", "must be 0 or more"));
        }
        LocalDate afterDue = null;
        UUID afterCase = null;
        if (after != null) {
            try {
                String[] parts = after.split("_", 2);
                afterDue = LocalDate.parse(parts[0]);
                afterCase = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                errors.add(new Problem.FieldError("after", "is not a cursor this list gave"));
            }
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "a case list");
        }
        LocalDate today = BusinessTime.today(clock);
        LocalDate dueBy = minDaysPastDue == null ? null : today.minusDays(minDaysPastDue);
        return pool.preparedQuery("SELECT case_id, invoice_number, debtor_id, status, due_date, open, currency, next_action_on "
                        + "FROM dunning_cases WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) "
                        + "AND ($3::uuid IS NULL OR debtor_id = $3) AND ($4::date IS NULL OR due_date <= $4) "
                        + "AND ($5::date IS NULL OR (due_date, case_id) > ($5, $6)) ORDER BY due_date, case_id LIMIT $7")
                .execute(Tuple.tuple(Arrays.asList(tenant.get().value(), status, debtorId, dueBy, afterDue, afterCase,
                        limit + 1)))
                .map(rows -> {
                    List<Item> items = new ArrayList<>();
                    for (Row r : rows) {
                        LocalDate due = r.getLocalDate("due_date");
                        items.add(new Item(r.getUUID("case_id"), r.getString("invoice_number"), r.getUUID("debtor_id"),
                                r.getString("status"), due, Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, today)),
                                r.getBigDecimal("open").setScale(2, java.math.RoundingMode.HALF_UP), r.getString("currency"),
                                r.getLocalDate("next_action_on")));
                    }
                    if (items.size() <= limit) {
                        return new Page(items, null);
                    }
                    Item last = items.get(limit - 1);
                    return new Page(items.subList(0, limit), last.dueDate() + "_" + last.caseId());
                });
    }
}

package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
import nl.tijdig.dunning.store.CaseListing;
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
    CaseListing listing;

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
        return listing.list(pool, tenant.get(), new CaseListing.Query(status, debtorId, dueBy, afterDue, afterCase, limit + 1))
                .map(rows -> {
                    List<Item> items = new ArrayList<>();
                    for (CaseListing.Listed r : rows) {
                        LocalDate due = r.dueDate();
                        items.add(new Item(r.caseId(), r.invoiceNumber(), r.debtorId(), r.status(), due,
                                Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, today)),
                                r.open().setScale(2, java.math.RoundingMode.HALF_UP), r.currency(), r.nextActionOn()));
                    }
                    if (items.size() <= limit) {
                        return new Page(items, null);
                    }
                    Item last = items.get(limit - 1);
                    return new Page(items.subList(0, limit), last.dueDate() + "_" + last.caseId());
                });
    }
}

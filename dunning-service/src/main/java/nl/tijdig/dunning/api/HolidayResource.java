package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.tijdig.dunning.domain.DutchCalendar;
import nl.tijdig.dunning.store.EqualDayStore;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;

/**
 * The days on which no term ends (Algemene termijnenwet): the holidays of art. 3 lid 1, computed, and the days the
 * minister made equal to them (art. 3 lid 3), which the operator adds. Every deadline the service computes — the
 * 14-dagenbrief's, a posted letter's presumed day of receipt — uses both.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HolidayResource {

    /** A day on which no term ends; {@code equal} for a day made equal to a holiday (art. 3 lid 3). */
    public record HolidayView(LocalDate date, String name, boolean equal) {
    }

    /** The name of a day made equal to a holiday, e.g. the decision that did it. */
    public record EqualDayRequest(@Text(max = Limits.NAME) String name) {
    }

    @Inject
    Pool pool;

    @Inject
    EqualDayStore store;

    @Inject
    Clock clock;

    /** The holidays of a year (this year by default), the days made equal among them. */
    @GET
    @Path("/holidays")
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR, Roles.OPERATOR})
    public Uni<List<HolidayView>> list(@QueryParam("year") Integer year) {
        int y = year == null ? BusinessTime.today(clock).getYear() : year;
        if (y < 1900 || y > 2199) {
            throw new RejectedProblem("year: must be 1900 to 2199", List.of(new Problem.FieldError("year", "must be 1900 to 2199")));
        }
        return store.all(pool).map(equal -> {
            List<HolidayView> days = new ArrayList<>();
            DutchCalendar.holidays(y).forEach(h -> days.add(new HolidayView(h.date(), h.name(), false)));
            equal.stream().filter(d -> d.date().getYear() == y).forEach(d -> days.add(new HolidayView(d.date(), d.name(), true)));
            days.sort(Comparator.comparing(HolidayView::date));
            return days;
        });
    }

    /** Makes a day equal to a holiday (or renames it). */
    @PUT
    @Path("/admin/holidays/{date}")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<HolidayView> put(@PathParam("date") LocalDate date, EqualDayRequest request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw new RejectedProblem("name: is required", List.of(new Problem.FieldError("name",
                    "is required: the day's name, e.g. the decision that made it equal to a holiday")));
        }
        return store.put(pool, new DutchCalendar.Holiday(date, request.name().strip()))
                .replaceWith(new HolidayView(date, request.name().strip(), true));
    }

    /** Removes a day made equal to a holiday; 404 when it is not one. */
    @DELETE
    @Path("/admin/holidays/{date}")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Void> remove(@PathParam("date") LocalDate date) {
        return store.remove(pool, date).map(removed -> {
            if (!removed) {
                throw new NotFoundProblem("day made equal to a holiday", date.toString());
            }
            return null;
        });
    }
}

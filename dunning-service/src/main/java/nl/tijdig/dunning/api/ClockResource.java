package nl.tijdig.dunning.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.runtime.clock.MovableClock;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;

/**
 * The service's clock, for tests and demos: read it, and — only where {@code tijdig.clock.movable} is on
 * (the dev and test profiles; never production) — move it, so a demo can show what dunning does weeks
 * after an invoice. Where the clock cannot move, PUT is a 404.
 */
@Path("/admin/clock")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    /** The instant, the business day (Europe/Amsterdam) and whether the clock can move. */
    public record Now(Instant now, LocalDate today, boolean movable) {
    }

    /** Where to move the clock. */
    public record Move(Instant now) {
    }

    @Inject
    Clock clock;

    @GET
    public Now get() {
        return new Now(clock.instant(), BusinessTime.today(clock), clock instanceof MovableClock);
    }

    @PUT
    public Now put(Move move) {
        if (!(clock instanceof MovableClock movable)) {
            throw new NotFoundProblem("movable clock:", "tijdig.clock.movable is off");
        }
        if (move == null || move.now() == null) {
            throw RejectedProblem.of(List.of(new Problem.FieldError("now", "is required (an ISO-8601 instant)")),
                    "a clock move");
        }
        movable.moveTo(move.now());
        return get();
    }
}

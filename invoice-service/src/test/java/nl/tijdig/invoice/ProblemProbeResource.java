package nl.tijdig.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import nl.tijdig.eventstore.ConcurrencyConflictException;

/** A resource of the tests only, to drive the shared problem+json mapping. */
@Path("/test/problem-probe")
public class ProblemProbeResource {

    public record Line(@Positive BigDecimal quantity) {
    }

    public record Probe(@NotBlank String number, @NotEmpty List<@Valid Line> lines) {
    }

    @POST
    public String accept(@Valid Probe probe) {
        return "ok";
    }

    @POST
    @Path("/conflict")
    public String conflict() {
        throw new ConcurrencyConflictException(UUID.randomUUID(), 1, 2);
    }
}

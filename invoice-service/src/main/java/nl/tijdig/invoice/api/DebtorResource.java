package nl.tijdig.invoice.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import nl.tijdig.invoice.domain.Address;
import nl.tijdig.invoice.domain.Debtor;
import nl.tijdig.invoice.domain.DebtorDecider;
import nl.tijdig.invoice.domain.RegisterDebtor;
import nl.tijdig.invoice.store.DebtorStore;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.runtime.idempotency.Idempotency;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** Debtors of the caller's tenant: register, change, read. */
@Path("/debtors")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DebtorResource {

    /** A debtor as the API takes it; {@code segment} only to override the one the kind implies. */
    public record DebtorRequest(Debtor.Kind kind, @Text(max = Limits.NAME) String name, AddressDto address, @Text(max = Limits.CODE) String kvkNumber, @Text(max = Limits.CODE) String vatId,
            @Text(max = Limits.EMAIL) String email, @Text(max = Limits.CODE) String language, @Text(max = Limits.CODE) String iban, Segment segment, Integer termDays, boolean longTermAgreed) {
    }

    public record AddressDto(@Text(max = Limits.NAME) String street, @Text(max = Limits.CODE) String postalCode, @Text(max = Limits.NAME) String city, @Text(max = Limits.CODE) String countryCode) {
    }

    /** A debtor as the API shows it. */
    public record DebtorView(UUID id, Debtor.Kind kind, String name, AddressDto address, String kvkNumber, String vatId,
            String email, String language, String iban, Segment segment, Integer termDays) {

        static DebtorView of(Debtor d) {
            Address a = d.address();
            return new DebtorView(d.id().value(), d.kind(), d.name(),
                    new AddressDto(a.street(), a.postalCode(), a.city(), a.countryCode()), d.kvkNumber(), d.vatId(),
                    d.email(), d.language(), d.iban(), d.segment(),
                    d.termDays().isPresent() ? d.termDays().getAsInt() : null);
        }
    }

    @Inject
    Pool pool;

    @Inject
    DebtorStore debtors;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdGenerator ids;

    @Inject
    java.time.Clock clock;

    @Inject
    Idempotency idempotency;

    /** Registers a debtor; with an {@code Idempotency-Key} a repeat returns the first debtor. */
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    @POST
    public Uni<Response> register(@HeaderParam(Idempotency.HEADER) String idempotencyKey, DebtorRequest request) {
        TenantId owner = tenant.get();
        RegisterDebtor command = command(new DebtorId(ids.next()), request);
        return pool.withTransaction(tx -> idempotency.once(tx, owner, "POST /debtors", idempotencyKey, request,
                () -> debtors.handle(tx, owner, new DebtorDecider.Register(owner, command, clock.instant()))
                        .map(debtor -> new Idempotency.Outcome(201, "/debtors/" + debtor.id(), DebtorView.of(debtor)))));
    }

    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    @PUT
    @Path("/{id}")
    public Uni<DebtorView> update(@PathParam("id") UUID id, DebtorRequest request) {
        TenantId owner = tenant.get();
        DebtorId debtorId = new DebtorId(id);
        return pool.withTransaction(tx -> debtors.load(tx, owner, debtorId).flatMap(current -> {
            current.orElseThrow(() -> new NotFoundProblem("debtor", id));
            return debtors.handle(tx, owner, new DebtorDecider.Change(owner, command(debtorId, request), clock.instant()))
                    .map(DebtorView::of);
        }));
    }

    @GET
    @Path("/{id}")
    public Uni<DebtorView> get(@PathParam("id") UUID id) {
        return debtors.load(pool, tenant.get(), new DebtorId(id))
                .map(found -> DebtorView.of(found.orElseThrow(() -> new NotFoundProblem("debtor", id)).debtor()));
    }

    /** The request as the domain's command; what the domain refuses of it is the 422 naming each field. */
    private static RegisterDebtor command(DebtorId id, DebtorRequest request) {
        if (request == null) {
            throw Rejections.missingBody();
        }
        AddressDto a = request.address();
        RegisterDebtor command = new RegisterDebtor(id, request.kind(), request.name(),
                a == null ? null : new Address(a.street(), a.postalCode(), a.city(), a.countryCode()),
                request.kvkNumber(), request.vatId(), request.email(), request.language(), request.iban(),
                request.segment(), request.termDays() == null ? OptionalInt.empty() : OptionalInt.of(request.termDays()),
                request.longTermAgreed());
        List<Violation> violations = DebtorDecider.validate(command);
        if (!violations.isEmpty()) {
            throw Rejections.of(violations, "a debtor");
        }
        return command;
    }
}

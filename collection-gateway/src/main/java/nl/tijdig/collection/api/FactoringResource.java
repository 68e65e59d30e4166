package nl.tijdig.collection.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.tijdig.kernel.Decision;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.collection.domain.Factoring;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.collection.store.FactoringOffers;
import nl.tijdig.collection.store.Invoices;
import nl.tijdig.collection.store.Partners;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The tenant's offers of invoices to factoring partners: made (the factor answers asynchronously; the offer then shows
 * ACCEPTED with advance and fee, or REJECTED with the reason), listed, and one by one.
 */
@Path("/factoring-offers")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class FactoringResource {

    /** An offer to make: the invoice, and the factor (left out: the first active factor by priority that buys it). */
    public record Request(String invoiceId, String partnerId) {
    }

    private static final Set<String> STATUSES = Set.of("OFFERED", "ACCEPTED", "REJECTED");

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    Invoices invoices;

    @Inject
    Partners partners;

    @Inject
    FactoringOffers offers;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** Offers an open invoice for what is open of it; 201 with the offer, OFFERED. */
    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> offer(Request request) {
        Request r = request == null ? new Request(null, null) : request;
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID invoiceId = uuid(r.invoiceId(), "invoiceId", true, errors);
        UUID partnerId = uuid(r.partnerId(), "partnerId", false, errors);
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "an offer");
        }
        TenantId owner = tenant.get();
        UUID offerId = ids.next();
        return invoices.offerable(pool, owner, new InvoiceId(invoiceId)).chain(found -> {
            Invoices.Offerable invoice = found.orElseThrow(() -> rejected("invoiceId", "is not an invoice of yours (issued, not cancelled)"));
            if (invoice.atAgency()) {
                throw conflict("invoiceId", "is at a collection agency; recall the case first");
            }
            return partners.all(pool, owner).map(all -> factor(all, partnerId, invoice))
                    .chain(factor -> pool.withTransaction(tx -> offers.execute(tx, owner, invoice.invoice().invoiceId(),
                                    new Factoring.OfferTo(offerId, invoice.invoice(), factor.partnerId(), factor.name(), clock.instant())))
                            .onFailure(ConcurrencyConflictException.class).retry().atMost(3));
        }).map(decision -> switch (decision) {
            case Decision.Refused<CollectionEvent> refused -> throw conflict(refused.first().field(), refused.first().message());
            case Decision.Decided<CollectionEvent> decided -> decided;
        }).chain(() -> offers.find(pool, owner, offerId))
                .map(entry -> Response.created(URI.create("/factoring-offers/" + offerId)).entity(entry.orElseThrow()).build());
    }

    private static Partner factor(List<Partner> all, UUID partnerId, Invoices.Offerable invoice) {
        if (partnerId == null) {
            return Partner.chooseFactor(all, invoice.segment(), invoice.invoice().open()).orElseThrow(() -> rejected("partnerId",
                    "is required: no active factor of yours buys a " + invoice.segment() + " invoice of " + invoice.invoice().open()));
        }
        Partner partner = all.stream().filter(p -> p.partnerId().equals(partnerId)).findFirst()
                .orElseThrow(() -> rejected("partnerId", "is not a partner of yours"));
        if (partner.kind() != Partner.Kind.FACTOR || !partner.active()) {
            throw rejected("partnerId", "is not an active FACTOR");
        }
        return partner;
    }

    /** Newest first: by {@code status}, at most {@code limit} (1 to 500). */
    @GET
    public Uni<List<FactoringOffers.Entry>> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
        ListQuery.check(status, STATUSES, limit, "an offer query");
        return offers.list(pool, tenant.get(), Optional.ofNullable(status), limit);
    }

    @GET
    @Path("/{id}")
    public Uni<FactoringOffers.Entry> one(@PathParam("id") UUID id) {
        return offers.find(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("factoring offer", id)));
    }

    /** An invoice as factoring sees it: what is open, whether an agency has it, and where its factoring is. */
    public record InvoiceView(UUID invoiceId, String invoiceNumber, UUID debtorId, String debtorName, String segment,
            nl.tijdig.kernel.Money open, java.time.LocalDate dueDate, boolean atCollectionAgency, Factoring.Status factoring) {
    }

    @GET
    @Path("/invoices/{invoiceId}")
    public Uni<InvoiceView> invoice(@PathParam("invoiceId") UUID invoiceId) {
        TenantId owner = tenant.get();
        InvoiceId id = new InvoiceId(invoiceId);
        return invoices.offerable(pool, owner, id).chain(found -> {
            Invoices.Offerable i = found.orElseThrow(() -> new NotFoundProblem("invoice", invoiceId));
            return offers.load(pool, owner, id).map(factoring -> new InvoiceView(invoiceId, i.invoice().invoiceNumber(),
                    i.invoice().debtorId().value(), i.debtorName(), i.segment().name(), i.invoice().open(), i.invoice().dueDate(), i.atAgency(),
                    factoring.map(Factoring::status).orElse(Factoring.Status.OPEN)));
        });
    }

    private static UUID uuid(String value, String field, boolean required, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "is not a UUID"));
            return null;
        }
    }

    private static RejectedProblem rejected(String field, String message) {
        return RejectedProblem.of(List.of(new Problem.FieldError(field, message)), "an offer");
    }

    private static ConflictProblem conflict(String field, String message) {
        return new ConflictProblem(message, List.of(new Problem.FieldError(field, message)));
    }
}

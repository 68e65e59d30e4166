package nl.tijdig.payment.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.OpenItem;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** What is open per invoice, as the payment-service matches against it: for staff allocating by hand. */
@Path("/open-items")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class OpenItemResource {

    /** What is open on one invoice, and whether it was handed over (COLLECTION, FACTOR; null: not). */
    public record OpenItemView(UUID invoiceId, String invoiceNumber, UUID debtorId, String paymentReference,
            LocalDate issueDate, LocalDate dueDate, Money open, String handedOver) {

        static OpenItemView of(OpenItems.Listed listed) {
            OpenItem i = listed.item();
            return new OpenItemView(i.invoiceId().value(), i.invoiceNumber(), i.debtorId().value(), i.paymentReference(),
                    i.issueDate(), i.dueDate(), i.open(), listed.handedOver());
        }
    }

    /** A page of open items and the cursor of the next (null on the last). */
    public record OpenItemPage(List<OpenItemView> openItems, UUID next) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    OpenItems openItems;

    /** The tenant's open items, optionally of one debtor; {@code limit} 1 to 200; {@code after} = {@code next}. */
    @GET
    public Uni<OpenItemPage> list(@QueryParam("debtorId") UUID debtorId, @QueryParam("after") UUID after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PaymentResource.MAX_PAGE) int limit) {
        return openItems.list(pool, tenant.get(), debtorId == null ? null : new DebtorId(debtorId), after, limit + 1)
                .map(listed -> {
                    List<OpenItemView> items = listed.stream().map(OpenItemView::of).toList();
                    return items.size() > limit ? new OpenItemPage(items.subList(0, limit), items.get(limit - 1).invoiceId())
                            : new OpenItemPage(items, null);
                });
    }
}

package nl.tijdig.payment.api;

import io.smallrye.common.annotation.Blocking;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.payment.domain.IncomingPayment;
import nl.tijdig.payment.domain.Match;
import nl.tijdig.payment.domain.PaymentMatcher;
import nl.tijdig.payment.store.PayLinks;
import nl.tijdig.payment.paylink.PaymentProviderClient;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.payment.store.PaymentSettings;
import nl.tijdig.payment.store.Payments;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;

/**
 * The payment provider's webhook. It carries only the provider's payment id and is not trusted: the
 * payment's status is fetched back from the provider with the tenant's key. A paid payment of one of
 * our links is recorded once (a webhook delivered twice records nothing more) as a payment with source
 * PAY_LINK on the link's invoice, and the link closes (PaymentLinkClosed, PAID). The URL names an
 * opaque per-tenant partner id; an unknown one is a 404.
 */
@Path("/callbacks/{partnerId}/payments")
@PermitAll
public class ProviderWebhookResource {

    private static final Duration DB = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    PayLinks links;

    @Inject
    OpenItems openItems;

    @Inject
    Payments payments;

    @Inject
    PaymentSettings settings;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Inject
    PaymentProviderClient client;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking // it calls the provider back
    public Response webhook(@PathParam("partnerId") UUID partnerId, @FormParam("id") String id) {
        PayLinks.Provider provider = links.byPartner(pool, partnerId).await().atMost(DB)
                .orElseThrow(() -> new NotFoundProblem("partner", partnerId));
        if (id == null || id.isBlank()) {
            throw new RejectedProblem("id: is required", List.of(new Problem.FieldError("id", "is required")));
        }
        PaymentProviderClient.Reported reported;
        try {
            reported = client.get(provider.baseUrl(), provider.apiKey(), id.strip());
        } catch (PaymentProviderClient.ProviderException e) {
            // the provider retries a webhook that did not succeed
            return Response.status(503).type(Problem.MEDIA_TYPE).entity(Problem.of("provider-unavailable",
                    "The payment provider did not answer", 503, e.getMessage())).build();
        }
        if (!reported.paid()) {
            return Response.ok().build();
        }
        pool.withTransaction(tx -> links.byProviderPayment(tx, provider.tenant(), reported.id()).flatMap(found -> {
            if (found.isEmpty()) {
                return io.smallrye.mutiny.Uni.createFrom().voidItem(); // not one of this tenant's links
            }
            PayLinks.Link link = found.get();
            PaymentId paymentId = new PaymentId(ids.next());
            return links.firstTime(tx, link.tenant(), reported.id(), paymentId.value()).flatMap(first -> {
                if (!first) {
                    return io.smallrye.mutiny.Uni.createFrom().voidItem();
                }
                LocalDate paid = reported.paidAt() == null ? BusinessTime.today(clock)
                        : reported.paidAt().atZone(BusinessTime.ZONE).toLocalDate();
                IncomingPayment payment = new IncomingPayment(reported.amount(), paid, reported.consumerName(),
                        reported.consumerAccount(), "Betaallink " + link.invoiceNumber(), link.invoiceId(), reported.id());
                return links.closed(tx, link, PaymentLinkClosed.Reason.PAID)
                        .chain(() -> settings.tolerance(tx, link.tenant()))
                        .chain(tolerance -> openItems.candidates(tx, link.tenant(), payment).chain(candidates -> {
                            Money inCurrency = tolerance.currency().equals(payment.amount().currency()) ? tolerance
                                    : Money.zero(payment.amount().currency());
                            return switch (PaymentMatcher.match(payment, candidates, inCurrency)) {
                                case Match.Matched matched -> payments.received(tx, link.tenant(), paymentId, payment,
                                        PaymentReceived.Source.PAY_LINK, matched);
                                case Match.Unmatched unmatched -> payments.unmatched(tx, link.tenant(), paymentId, payment,
                                        PaymentReceived.Source.PAY_LINK, unmatched.reason());
                            };
                        })).replaceWithVoid();
            });
        })).await().atMost(DB);
        return Response.ok().build();
    }
}

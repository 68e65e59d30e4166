package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.dunning.domain.FourteenDayLetter;
import nl.tijdig.dunning.domain.InterestRates;
import nl.tijdig.dunning.domain.StatutoryInterest;
import nl.tijdig.dunning.domain.WikCosts;
import nl.tijdig.dunning.store.InterestRateStore;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;

/**
 * What the law allows on a claim, for integrators and letters: the WIK collection costs over the
 * principal, the statutory interest (6:119 for consumers, 6:119a for businesses) with its per-period
 * breakdown from the day after the due date through a day (today by default), and, for a consumer
 * with a letter's sending date, the 14-dagenbrief deadline.
 */
@Path("/quotes")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {

    /**
     * The claim: principal (decimal) and currency (EUR), segment B2B or B2C, the agreed due date, the
     * day interest runs through (today), the letter's sending date and delivery (POST, EMAIL or
     * POST_AND_EMAIL; email only where the debtor agreed), and the VAT percent to add to the costs when
     * the creditor cannot reclaim VAT (none).
     */
    public record QuoteRequest(BigDecimal principal, String currency, Segment segment, LocalDate dueDate,
            LocalDate through, LocalDate letterSentOn, FourteenDayLetter.Delivery delivery, boolean emailAgreed,
            BigDecimal costsVatPercent) {
    }

    /**
     * The quote; {@code provisional} when the interest runs past the half years the rate table covers (the last
     * known rate was used until the operator adds the next half year).
     */
    public record Quote(Money principal, Money collectionCosts, Money interest, List<StatutoryInterest.Period> interestPeriods,
            String interestKind, LocalDate interestFrom, LocalDate interestThrough, LocalDate deadline, Money total,
            boolean provisional) {
    }

    @Inject
    Pool pool;

    @Inject
    InterestRateStore rates;

    @Inject
    Clock clock;

    @Inject
    nl.tijdig.dunning.store.EqualDayStore equalDays;

    @POST
    public Uni<Quote> quote(QuoteRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new RejectedProblem("body: is required", List.of(new Problem.FieldError("body", "is required")));
        }
        if (request.principal() == null || request.principal().signum() <= 0) {
            errors.add(new Problem.FieldError("principal", "must be more than zero"));
        }
        java.util.Currency currency = Money.EUR;
        try {
            currency = request.currency() == null ? Money.EUR : Money.currency(request.currency());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("currency", "is not an ISO 4217 currency code"));
        }
        if (request.segment() == null) {
            errors.add(new Problem.FieldError("segment", "is required: B2B or B2C"));
        }
        if (request.dueDate() == null) {
            errors.add(new Problem.FieldError("dueDate", "is required"));
        }
        LocalDate through = request.through() != null ? request.through() : BusinessTime.today(clock);
        if (request.dueDate() != null && through.isBefore(request.dueDate())) {
            errors.add(new Problem.FieldError("through", "must not be before the due date"));
        }
        if (request.letterSentOn() != null && request.delivery() != null && request.delivery() != FourteenDayLetter.Delivery.POST
                && !request.emailAgreed()) {
            errors.add(new Problem.FieldError("delivery", "an email counts only where the debtor agreed to email"));
        }
        if (request.costsVatPercent() != null && (request.costsVatPercent().signum() < 0
                || request.costsVatPercent().compareTo(new BigDecimal("100")) > 0)) {
            errors.add(new Problem.FieldError("costsVatPercent", "must be 0 to 100"));
        }
        if (!errors.isEmpty()) {
            throw new RejectedProblem(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are not valid", errors);
        }
        Money principal = Money.of(request.principal(), currency);
        InterestRates.Kind kind = request.segment() == Segment.B2C ? InterestRates.Kind.CONSUMER : InterestRates.Kind.COMMERCIAL;
        LocalDate from = request.dueDate().plusDays(1);
        return rates.load(pool).flatMap(table -> equalDays.days(pool).map(equal -> {
            if (from.isBefore(table.first())) {
                String why = "interest would start on " + from + ", before the first day the rate table knows ("
                        + table.first() + ")";
                throw new RejectedProblem("dueDate: " + why, List.of(new Problem.FieldError("dueDate", why)));
            }
            StatutoryInterest.Result interest = StatutoryInterest.compute(principal, from, through, kind, table);
            Money costs = WikCosts.of(principal, request.costsVatPercent() == null ? BigDecimal.ZERO : request.costsVatPercent());
            LocalDate deadline = request.letterSentOn() == null ? null : FourteenDayLetter.deadline(request.letterSentOn(),
                    request.delivery() == null ? FourteenDayLetter.Delivery.POST : request.delivery(), request.emailAgreed(),
                    equal);
            return new Quote(principal, costs, interest.interest(), interest.periods(), kind.name(), from, through, deadline,
                    principal.plus(costs).plus(interest.interest()), table.provisional(through));
        }));
    }
}

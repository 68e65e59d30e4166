package nl.tijdig.dunning.domain;

import nl.tijdig.kernel.Money;

/**
 * How a payment settles a claim (art. 6:44 BW): first the costs, then the interest, then the
 * principal; what is left over is more than the claim.
 */
public record ClaimSettlement(Money toCosts, Money toInterest, Money toPrincipal, Money rest) {

    public static ClaimSettlement of(Money payment, Money costs, Money interest, Money principal) {
        Money left = payment;
        Money toCosts = left.min(costs.max(Money.zero(costs.currency())));
        left = left.minus(toCosts);
        Money toInterest = left.min(interest.max(Money.zero(interest.currency())));
        left = left.minus(toInterest);
        Money toPrincipal = left.min(principal.max(Money.zero(principal.currency())));
        left = left.minus(toPrincipal);
        return new ClaimSettlement(toCosts, toInterest, toPrincipal, left);
    }
}

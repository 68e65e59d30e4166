package nl.tijdig.kernel;

import java.util.UUID;

/** A debtor (business or consumer) of one tenant. */
public record DebtorId(UUID value) implements TypedId {
    public DebtorId { TypedId.require(value, "debtor id"); }
    public static DebtorId of(String text) { return new DebtorId(TypedId.parse(text, "debtor id")); }
    @Override public String toString() { return value.toString(); }
}

package nl.tijdig.kernel;

import java.util.UUID;

/** A payment received (from the API, a bank statement or a pay link). */
public record PaymentId(UUID value) implements TypedId {
    public PaymentId { TypedId.require(value, "payment id"); }
    public static PaymentId of(String text) { return new PaymentId(TypedId.parse(text, "payment id")); }
    @Override public String toString() { return value.toString(); }
}

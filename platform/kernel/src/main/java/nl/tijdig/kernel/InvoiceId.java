package nl.tijdig.kernel;

import java.util.UUID;

/** An invoice or credit note: the stream key of its events. */
public record InvoiceId(UUID value) implements TypedId {
    public InvoiceId { TypedId.require(value, "invoice id"); }
    public static InvoiceId of(String text) { return new InvoiceId(TypedId.parse(text, "invoice id")); }
    @Override public String toString() { return value.toString(); }
}

package nl.tijdig.kernel;

import java.util.UUID;

/** A creditor organisation served by the installation; every row, event and query is scoped by it. It comes from the caller's token, never from the request body. */
public record TenantId(UUID value) implements TypedId {
    public TenantId { TypedId.require(value, "tenant id"); }
    public static TenantId of(String text) { return new TenantId(TypedId.parse(text, "tenant id")); }
    @Override public String toString() { return value.toString(); }
}

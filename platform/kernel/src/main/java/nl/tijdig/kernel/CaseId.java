package nl.tijdig.kernel;

import java.util.UUID;

/** A dunning case: the claim on one invoice or on one debtor. */
public record CaseId(UUID value) implements TypedId {
    public CaseId { TypedId.require(value, "case id"); }
    public static CaseId of(String text) { return new CaseId(TypedId.parse(text, "case id")); }
    @Override public String toString() { return value.toString(); }
}

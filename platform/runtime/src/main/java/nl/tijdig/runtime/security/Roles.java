package nl.tijdig.runtime.security;

/**
 * The realm roles of Tijdig (Keycloak realm {@code tijdig}, see {@code docs/security.md} for which role
 * may call which endpoint). Constants, so that {@code @RolesAllowed} cannot misspell them.
 */
public final class Roles {

    /** An integrator's client (service account): issues invoices, records payments, reads its tenant's data. */
    public static final String INTEGRATOR = "integrator";
    /** A tenant's administrator: profile, policies, templates, webhooks, partners, and what an integrator does. */
    public static final String TENANT_ADMIN = "tenant-admin";
    /** A tenant's staff: phone tasks, disputes, promises, payment plans; reads the tenant's data. */
    public static final String COLLECTOR = "collector";
    /** The operator of the installation: endpoints under {@code /admin/} only. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}

package nl.tijdig.launcher;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.testing.keycloak.KeycloakAdmin;
import nl.tijdig.testing.keycloak.KeycloakServer;

/**
 * The demo tenant in Keycloak, made on the first start and found on later ones, as {@code docs/security.md} sets up
 * any tenant: the group {@code /tenants/demo} with its tenant id, an integrator client in it (roles integrator,
 * tenant-admin and collector) and an operator client in no tenant (moves the business clock, re-drives dead letters).
 */
public record DemoTenant(UUID tenantId, KeycloakAdmin.Client integrator, KeycloakAdmin.Client operator,
        String tokenUrl, KeycloakAdmin admin) {

    static DemoTenant ensure(KeycloakAdmin admin, KeycloakServer keycloak) {
        KeycloakAdmin.TenantGroup tenant = admin.findTenant(Platform.DEMO_TENANT).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            return new KeycloakAdmin.TenantGroup(admin.createTenant(Platform.DEMO_TENANT, id), id);
        });
        KeycloakAdmin.Client integrator = admin.findClient(Platform.DEMO_INTEGRATOR).orElseGet(() -> admin
                .createServiceClient(Platform.DEMO_INTEGRATOR, tenant.groupId(),
                        List.of("integrator", "tenant-admin", "collector"), Map.of()));
        KeycloakAdmin.Client operator = admin.findClient(Platform.DEMO_OPERATOR).orElseGet(() -> admin
                .createServiceClient(Platform.DEMO_OPERATOR, null, List.of("operator"), Map.of()));
        return new DemoTenant(tenant.tenantId(), integrator, operator,
                keycloak.issuer() + "/protocol/openid-connect/token", admin);
    }

    /** A token of the demo integrator (it lives 5 minutes). */
    public String integratorToken() {
        return admin.token(integrator);
    }

    /** A token of the demo operator. */
    public String operatorToken() {
        return admin.token(operator);
    }

    /** The command that fetches a fresh token for a client. */
    public String tokenCommand(KeycloakAdmin.Client client) {
        return "curl -s -d grant_type=client_credentials -d client_id=" + client.clientId() + " -d client_secret="
                + client.secret() + " " + tokenUrl;
    }
}

package nl.tijdig.invoice.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.OptionalInt;
import nl.tijdig.invoice.api.DebtorResource.AddressDto;
import nl.tijdig.invoice.domain.Address;
import nl.tijdig.invoice.domain.CreditorProfile;
import nl.tijdig.invoice.store.CreditorProfileStore;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** The caller's tenant as the creditor on its invoices and letters: read and replace it. */
@Path("/creditor-profile")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CreditorProfileResource {

    /**
     * The profile as the API takes and shows it; {@code vatDeductible} (default true): false for a creditor that cannot
     * deduct VAT, whose collection costs are then raised by VAT.
     */
    public record ProfileDto(@Text(max = Limits.NAME) String name, AddressDto address, @Text(max = Limits.CODE) String kvkNumber, @Text(max = Limits.CODE) String vatId, @Text(max = Limits.CODE) String iban, @Text(max = Limits.CODE) String bic,
            @Text(max = Limits.EMAIL) String senderEmail, Integer b2bTermDays, Integer b2cTermDays, @Text(max = Limits.URL) String logoUrl, @Text(max = Limits.NOTE, lines = true) String footer,
            @Text(max = Limits.CODE) String invoiceSeries, Boolean vatDeductible) {

        CreditorProfile toDomain() {
            AddressDto a = address;
            return new CreditorProfile(name, a == null ? null : new Address(a.street(), a.postalCode(), a.city(),
                    a.countryCode()), kvkNumber, vatId, iban, bic, senderEmail, optional(b2bTermDays),
                    optional(b2cTermDays), logoUrl, footer, invoiceSeries, vatDeductible == null || vatDeductible);
        }

        static ProfileDto of(CreditorProfile p) {
            Address a = p.address();
            return new ProfileDto(p.name(), new AddressDto(a.street(), a.postalCode(), a.city(), a.countryCode()),
                    p.kvkNumber(), p.vatId(), p.iban(), p.bic(), p.senderEmail(), boxed(p.b2bTermDays()),
                    boxed(p.b2cTermDays()), p.logoUrl(), p.footer(), p.invoiceSeries(), p.vatDeductible());
        }

        private static OptionalInt optional(Integer days) {
            return days == null ? OptionalInt.empty() : OptionalInt.of(days);
        }

        private static Integer boxed(OptionalInt days) {
            return days.isPresent() ? days.getAsInt() : null;
        }
    }

    @Inject
    Pool pool;

    @Inject
    CreditorProfileStore profiles;

    @Inject
    CurrentTenant tenant;

    @GET
    public Uni<ProfileDto> get() {
        return profiles.load(pool, tenant.get()).map(found -> ProfileDto.of(
                found.orElseThrow(() -> new NotFoundProblem("creditor profile", "of this tenant")).profile()));
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    @PUT
    public Uni<ProfileDto> replace(ProfileDto request) {
        TenantId owner = tenant.get();
        if (request == null) {
            throw Rejections.missingBody();
        }
        CreditorProfile profile = request.toDomain();
        List<Violation> violations = profile.validate();
        if (!violations.isEmpty()) {
            throw Rejections.of(violations, "a creditor profile");
        }
        CreditorProfile normalized = profile.normalized();
        return pool.withTransaction(tx -> profiles.load(tx, owner).flatMap(current -> profiles.save(tx, owner, normalized,
                        current.map(CreditorProfileStore.Versioned::version).orElse(0L))))
                .replaceWith(ProfileDto.of(normalized));
    }
}

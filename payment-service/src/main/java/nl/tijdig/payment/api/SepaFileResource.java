package nl.tijdig.payment.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.payment.domain.DirectDebitRun;
import nl.tijdig.payment.sepa.SepaDocuments;
import nl.tijdig.payment.statement.StatementImports;
import nl.tijdig.payment.store.Mandates;
import nl.tijdig.payment.store.Refunds;
import nl.tijdig.payment.store.SepaFiles;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * SEPA files for the tenant to upload to its bank: a pain.001 of the refunds waiting, or a pain.008
 * collecting the due invoices of debtors with a mandate. Each file is validated against its ISO 20022
 * schema while written and kept, so it can be fetched again; what it holds is not put in another file.
 */
@Path("/sepa-files")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SepaFileResource {

    /** The day the bank executes the transfers (default today; not in the past). */
    public record CreditTransferRequest(LocalDate executionDate) {
    }

    /** The day the bank collects (a TARGET2 business day after today). */
    public record DirectDebitRequest(LocalDate collectionDate) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Inject
    SepaFiles files;

    @Inject
    Refunds refunds;

    @Inject
    Mandates mandates;

    /** A pain.001.001.09 of every refund waiting: 201 with the file; 409 when none waits; 422 without the tenant's account. */
    @POST
    @Path("/credit-transfers")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> creditTransfers(CreditTransferRequest request) {
        TenantId owner = tenant.get();
        LocalDate today = BusinessTime.today(clock);
        LocalDate execution = request == null || request.executionDate() == null ? today : request.executionDate();
        if (execution.isBefore(today)) {
            throw PaymentResource.rejected(List.of(new Violation("executionDate", "is in the past")));
        }
        if (execution.isAfter(today.plusYears(1))) {
            throw PaymentResource.rejected(List.of(new Violation("executionDate", "is more than a year ahead")));
        }
        UUID fileId = ids.next();
        String messageId = "T" + fileId.toString().replace("-", "");
        Instant now = clock.instant();
        return pool.withTransaction(tx -> files.lockAccount(tx, owner).flatMap(account -> {
            SepaDocuments.Account from = account.orElseThrow(PaymentResource::noCreditorAccount);
            return refunds.lockPending(tx, owner).flatMap(pending -> {
                if (pending.isEmpty()) {
                    throw new ConflictProblem("no refund waits for a credit-transfer file",
                            List.of(new Problem.FieldError("refunds", "none waits: POST /refunds first")));
                }
                String document = SepaDocuments.creditTransfers(messageId, now, execution, from, pending.stream()
                        .map(r -> new SepaDocuments.Transfer(r.endToEndId(), r.amount(), r.accountHolder(), r.iban(),
                                r.bic(), r.reason() == null ? "Terugbetaling tegoed" : r.reason()))
                        .toList());
                SepaFiles.Summary summary = new SepaFiles.Summary(fileId, SepaFiles.Kind.CREDIT_TRANSFER, messageId, now,
                        execution, pending.size(), total(pending.stream().map(Refunds.Refund::amount).toList()));
                return files.save(tx, owner, summary, document).call(() -> refunds.filed(tx, owner, pending, fileId));
            });
        })).map(SepaFileResource::created);
    }

    /**
     * A pain.008.001.08 collecting, on the date, every invoice due by then of a debtor with a usable
     * mandate and not collected before: 201 with the file; 409 when there is nothing to collect; 422
     * without the creditor identifier or the tenant's account.
     */
    @POST
    @Path("/direct-debits")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> directDebits(DirectDebitRequest request) {
        TenantId owner = tenant.get();
        LocalDate collection = request == null ? null : request.collectionDate();
        DirectDebitRun.checkDate(collection, BusinessTime.today(clock)).ifPresent(v -> {
            throw PaymentResource.rejected(List.of(v));
        });
        UUID fileId = ids.next();
        String messageId = "T" + fileId.toString().replace("-", "");
        Instant now = clock.instant();
        return pool.withTransaction(tx -> files.lockAccount(tx, owner).flatMap(account -> {
            SepaDocuments.Account to = account.orElseThrow(PaymentResource::noCreditorAccount);
            return files.creditorId(tx, owner).flatMap(creditorId -> {
                if (creditorId.isEmpty()) {
                    throw PaymentResource.rejected(List.of(new Violation("creditorId",
                            "is not set: PUT /direct-debit-settings with the tenant's SEPA creditor identifier first")));
                }
                return files.collectable(tx, owner, collection).flatMap(due -> {
                    List<DirectDebitRun.Collection> plan = DirectDebitRun.plan(collection, due);
                    if (plan.isEmpty()) {
                        throw new ConflictProblem("nothing to collect on " + collection, List.of(new Problem.FieldError(
                                "collectionDate", "no invoice due by then of a debtor with a mandate is left to collect")));
                    }
                    List<String> endToEnd = plan.stream().map(c -> StatementImports.DIRECT_DEBIT_PREFIX + ids.next().toString().replace("-", "")).toList();
                    List<SepaDocuments.Collection> collections = new java.util.ArrayList<>();
                    for (int i = 0; i < plan.size(); i++) {
                        DirectDebitRun.Collection c = plan.get(i);
                        collections.add(new SepaDocuments.Collection(endToEnd.get(i), c.amount(), c.mandate(),
                                c.sequence(), c.debtorName(), c.remittance()));
                    }
                    String document = SepaDocuments.directDebits(messageId, now, collection, to, creditorId.get(),
                            collections);
                    SepaFiles.Summary summary = new SepaFiles.Summary(fileId, SepaFiles.Kind.DIRECT_DEBIT, messageId,
                            now, collection, plan.size(), total(plan.stream().map(DirectDebitRun.Collection::amount).toList()));
                    return files.save(tx, owner, summary, document)
                            .call(() -> files.collections(tx, owner, fileId, plan, endToEnd))
                            .call(() -> mandates.collected(tx, owner, plan.stream().map(c -> c.mandate().mandateId())
                                    .distinct().toArray(String[]::new)));
                });
            });
        })).map(SepaFileResource::created);
    }

    @GET
    @Path("/{id}")
    public Uni<SepaFiles.Summary> get(@PathParam("id") UUID id) {
        return files.load(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("SEPA file", id)));
    }

    /** The file itself, as written: pain.001.001.09 or pain.008.001.08 XML. */
    @GET
    @Path("/{id}/document")
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    public Uni<Response> document(@PathParam("id") UUID id) {
        return files.load(pool, tenant.get(), id).flatMap(found -> {
            SepaFiles.Summary file = found.orElseThrow(() -> new NotFoundProblem("SEPA file", id));
            return files.document(pool, tenant.get(), id).map(document -> Response.ok(document.orElseThrow(),
                    MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + file.messageId() + ".xml\"").build());
        });
    }

    private static Money total(List<Money> amounts) {
        return amounts.stream().reduce(Money::plus).orElse(Money.of(BigDecimal.ZERO, Money.EUR));
    }

    private static Response created(SepaFiles.Summary summary) {
        return Response.created(URI.create("/sepa-files/" + summary.fileId())).entity(summary).build();
    }
}

package nl.tijdig.payment.api;

import io.smallrye.common.annotation.Blocking;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.StatementCheck;
import nl.tijdig.payment.statement.StatementFormatException;
import nl.tijdig.payment.statement.StatementImports;
import nl.tijdig.payment.store.StatementImportStore;
import nl.tijdig.runtime.problem.InvalidInputProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.security.ApiGuards;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * Bank statements: upload a camt.053 (any version, .001.02 to .001.13) or MT940 file as the request body.
 * It is read whole first — a file that is not well-formed, cut off, has no statement or an entry whose
 * account, amount, currency, credit/debit or booking date cannot be read is a 400 listing every problem,
 * and nothing is stored — then imported in the background: 202 with the import's status at
 * {@code Location}, which shows the progress (entries processed, payments matched and unmatched,
 * reversals, duplicates skipped), the warnings (the bank's deviations from the standard, with line and
 * column) and each statement's balances against its entries.
 */
@Path("/bank-statements")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementResource {

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    StatementImports imports;

    @Inject
    ApiGuards guards;

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    @Blocking // the file is streamed to disk and validated: not on the event loop
    public Uni<Response> upload(InputStream body) {
        TenantId owner = tenant.get();
        java.nio.file.Path file = spool(body, guards.maxBodyBytes("/bank-statements"));
        try {
            StatementImports.Format format = StatementImports.detect(file);
            StatementCheck check = StatementImports.check(file, format);
            return imports.start(owner, file, format, check).map(status -> Response.accepted(status)
                    .location(URI.create("/bank-statements/" + status.importId())).build());
        } catch (StatementFormatException e) {
            delete(file);
            throw new InvalidInputProblem(e.problems().size() == 1 ? "not a valid bank statement: " + e.problems().get(0)
                    : "not a valid bank statement: " + e.problems().size() + " problems",
                    e.problems().stream().map(p -> new Problem.FieldError(field(p), p)).toList());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** The import's state: IMPORTING (with progress), DONE or FAILED (with the error). */
    @GET
    @Path("/{id}")
    public Uni<StatementImportStore.Status> status(@PathParam("id") UUID id) {
        return imports.status(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("import", id)));
    }

    /** The body to a temporary file, at most {@code limit} bytes (more: 413). */
    private static java.nio.file.Path spool(InputStream body, long limit) {
        try {
            java.nio.file.Path file = Files.createTempFile("tijdig-statement-", ".upload");
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > limit) {
                        delete(file);
                        throw new jakarta.ws.rs.WebApplicationException("the statement is larger than " + limit + " bytes",
                                413);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                delete(file);
                throw new InvalidInputProblem("the body is empty", List.of(new Problem.FieldError("body", "is required")));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "line 12, column 5: ..." → "line 12, column 5"; "statement 2: ..." → "statement 2". */
    private static String field(String problem) {
        int colon = problem.indexOf(':');
        return colon > 0 && colon < 40 ? problem.substring(0, colon) : "body";
    }

    private static void delete(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file: the system cleans it up
        }
    }
}

package nl.tijdig.notification.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.domain.LetterTemplate;

/** The tenants' own letter templates (one per kind and language). */
@ApplicationScoped
public class LetterTemplates {

    @Inject
    Clock clock;

    public Uni<Optional<LetterTemplate>> find(SqlClient client, TenantId tenant, ReminderDue.Kind kind, String language) {
        return client.preparedQuery("SELECT kind, language, subject, body FROM letter_templates "
                        + "WHERE tenant_id = $1 AND kind = $2 AND language = $3")
                .execute(Tuple.of(tenant.value(), kind.name(), language))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(template(rows.iterator().next())));
    }

    public Uni<List<LetterTemplate>> all(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT kind, language, subject, body FROM letter_templates WHERE tenant_id = $1 ORDER BY kind, language")
                .execute(Tuple.of(tenant.value()))
                .map(rows -> {
                    List<LetterTemplate> templates = new ArrayList<>();
                    rows.forEach(row -> templates.add(template(row)));
                    return templates;
                });
    }

    public Uni<Void> save(SqlClient client, TenantId tenant, LetterTemplate template) {
        return client.preparedQuery("INSERT INTO letter_templates (tenant_id, kind, language, subject, body, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, kind, language) DO UPDATE SET "
                        + "subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at")
                .execute(Tuple.tuple(List.of(tenant.value(), template.kind().name(), template.language(), template.subject(),
                        template.body(), Communications.at(clock.instant()))))
                .replaceWithVoid();
    }

    /** Removes the tenant's template; true when there was one. */
    public Uni<Boolean> remove(SqlClient client, TenantId tenant, ReminderDue.Kind kind, String language) {
        return client.preparedQuery("DELETE FROM letter_templates WHERE tenant_id = $1 AND kind = $2 AND language = $3")
                .execute(Tuple.of(tenant.value(), kind.name(), language)).map(rows -> rows.rowCount() == 1);
    }

    private static LetterTemplate template(Row row) {
        return new LetterTemplate(ReminderDue.Kind.valueOf(row.getString("kind")), row.getString("language"),
                row.getString("subject"), row.getString("body"));
    }
}

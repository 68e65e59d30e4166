package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.tijdig.dunning.domain.DutchCalendar;

/** The days made equal to holidays (Algemene termijnenwet art. 3 lid 3): not per tenant, the law's. */
@ApplicationScoped
public class EqualDayStore {

    /** Every day made equal. */
    public Uni<Set<LocalDate>> days(SqlClient client) {
        return all(client).map(days -> {
            Set<LocalDate> set = new TreeSet<>();
            days.forEach(d -> set.add(d.date()));
            return Set.copyOf(set);
        });
    }

    /** Every day made equal, with its name, in date order. */
    public Uni<List<DutchCalendar.Holiday>> all(SqlClient client) {
        return client.query("SELECT day, name FROM equal_days ORDER BY day").execute().map(rows -> {
            List<DutchCalendar.Holiday> days = new ArrayList<>();
            rows.forEach(r -> days.add(new DutchCalendar.Holiday(r.getLocalDate("day"), r.getString("name"))));
            return days;
        });
    }

    /** Adds a day (or renames it). */
    public Uni<Void> put(SqlClient client, DutchCalendar.Holiday day) {
        return client.preparedQuery("INSERT INTO equal_days (day, name) VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET "
                + "name = EXCLUDED.name").execute(Tuple.of(day.date(), day.name())).replaceWithVoid();
    }

    /** Removes a day; false when it was not there. */
    public Uni<Boolean> remove(SqlClient client, LocalDate day) {
        return client.preparedQuery("DELETE FROM equal_days WHERE day = $1").execute(Tuple.of(day))
                .map(rows -> rows.rowCount() > 0);
    }
}

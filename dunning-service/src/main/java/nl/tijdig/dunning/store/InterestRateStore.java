package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.dunning.domain.InterestRates;

/** The statutory interest rate table (not per tenant: the law's rates). */
@ApplicationScoped
public class InterestRateStore {

    public Uni<InterestRates> load(SqlClient client) {
        return client.query("SELECT valid_from, consumer, commercial FROM interest_rates ORDER BY valid_from").execute()
                .map(rows -> {
                    List<InterestRates.Rate> rates = new ArrayList<>();
                    rows.forEach(row -> rates.add(new InterestRates.Rate(row.getLocalDate("valid_from"),
                            row.getBigDecimal("consumer").stripTrailingZeros(),
                            row.getBigDecimal("commercial").stripTrailingZeros())));
                    return new InterestRates(rates);
                });
    }

    /** Adds (or corrects) one entry. */
    public Uni<Void> put(SqlConnection tx, InterestRates.Rate rate) {
        return tx.preparedQuery("INSERT INTO interest_rates (valid_from, consumer, commercial) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (valid_from) DO UPDATE SET consumer = EXCLUDED.consumer, commercial = EXCLUDED.commercial")
                .execute(Tuple.of(rate.from(), rate.consumer(), rate.commercial())).replaceWithVoid();
    }

    /** Replaces the table. */
    public Uni<Void> replace(SqlConnection tx, InterestRates rates) {
        List<Tuple> rows = rates.rates().stream().map(r -> Tuple.of(r.from(), r.consumer(), r.commercial())).toList();
        return tx.query("DELETE FROM interest_rates").execute()
                .chain(() -> tx.preparedQuery("INSERT INTO interest_rates (valid_from, consumer, commercial) VALUES ($1, $2, $3)")
                        .executeBatch(rows))
                .replaceWithVoid();
    }
}

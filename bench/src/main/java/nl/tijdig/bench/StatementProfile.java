package nl.tijdig.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements that took the most time in PostgreSQL since the last call (pg_stat_statements, which the
 * durable PostgreSQL of {@code ./tijdig} and of the benchmarks loads): where the database's share of the CPU
 * goes, as a Markdown table. Each call resets the counters, so consecutive calls profile consecutive phases.
 */
final class StatementProfile {

    private StatementProfile() {
    }

    /** Resets the counters (the profile starts here). */
    static void reset(String jdbcUrl) throws SQLException {
        take(jdbcUrl, "", 0);
    }

    static List<String> take(String jdbcUrl, String phase, int top) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); var s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            if (top > 0) {
                try (ResultSet rs = s.executeQuery("SELECT d.datname, p.calls, p.total_exec_time, p.mean_exec_time, p.rows, "
                        + "regexp_replace(p.query, '\\s+', ' ', 'g') FROM pg_stat_statements p JOIN pg_database d ON d.oid = p.dbid "
                        + "WHERE d.datname NOT IN ('postgres', 'keycloak') ORDER BY p.total_exec_time DESC LIMIT " + top)) {
                    lines.add("statements by time in PostgreSQL, " + phase + ":");
                    lines.add("| database | calls | total ms | mean ms | rows | statement |");
                    lines.add("|---|---:|---:|---:|---:|---|");
                    while (rs.next()) {
                        String query = rs.getString(6);
                        lines.add(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.3f | %,d | `%s` |", rs.getString(1),
                                rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5),
                                query.length() > 140 ? query.substring(0, 140) + "…" : query));
                    }
                }
            }
            s.execute("SELECT pg_stat_statements_reset()");
        }
        return lines;
    }
}

package dev.br2k.robustness.audit;

import dev.br2k.robustness.ExperimentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads replicas' SQLite databases (of stopped replicas) and compares them row by row. */
public final class Databases {
    private Databases() {
    }

    /** Reads every table of {@code dbFile}; {@code applied} is what the workload counted in it. */
    public static ReplicaDatabase read(String replica, Path dbFile, Map<String, Long> applied) {
        if (!Files.exists(dbFile)) {
            throw new ExperimentException("replica " + replica + " has no database at " + dbFile);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + dbFile + "?mode=ro")) {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String table : names) {
                tables.put(table, rows(c, table));
            }
            return new ReplicaDatabase(replica, tables, Map.copyOf(applied));
        } catch (SQLException e) {
            throw new ExperimentException("cannot read replica " + replica + "'s database " + dbFile + ": " + e.getMessage(), e);
        }
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\" ORDER BY 1")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /**
     * The first difference between {@code other} and {@code reference}, or empty when they hold the same
     * tables with the same rows in the same order.
     */
    public static Optional<String> firstDifference(ReplicaDatabase reference, ReplicaDatabase other) {
        if (!reference.tables().keySet().equals(other.tables().keySet())) {
            return Optional.of(other.replica() + " has tables " + other.tables().keySet() + ", " + reference.replica()
                    + " has " + reference.tables().keySet());
        }
        for (var e : reference.tables().entrySet()) {
            List<String> a = e.getValue();
            List<String> b = other.tables().get(e.getKey());
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String ra = i < a.size() ? a.get(i) : "(none)";
                String rb = i < b.size() ? b.get(i) : "(none)";
                if (!Objects.equals(ra, rb)) {
                    return Optional.of("table " + e.getKey() + " row " + (i + 1) + ": " + reference.replica() + " has '" + ra
                            + "', " + other.replica() + " has '" + rb + "' (" + a.size() + " vs " + b.size() + " rows)");
                }
            }
        }
        return Optional.empty();
    }
}

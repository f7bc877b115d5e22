package dev.br2k.robustness.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import dev.br2k.robustness.workload.KvWorkload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasesTest {
    @TempDir
    Path dir;

    @Test
    void equal_databases_have_no_difference() throws Exception {
        ReplicaDatabase a = read("r1", db("a.db", "('x', 1)", "('y', 1)"));
        ReplicaDatabase b = read("r2", db("b.db", "('y', 1)", "('x', 1)"));

        assertThat(Databases.firstDifference(a, b)).isEmpty();
    }

    @Test
    void the_kv_workload_counts_each_request_counter() throws Exception {
        assertThat(new KvWorkload().applied(db("a.db", "('x', 1)", "('y', 2)"))).containsEntry("x", 1L).containsEntry("y", 2L);
    }

    @Test
    void a_row_applied_twice_is_the_first_difference_named_by_table_and_row() throws Exception {
        ReplicaDatabase a = read("r1", db("a.db", "('x', 1)", "('y', 1)"));
        ReplicaDatabase b = read("r2", db("b.db", "('x', 1)", "('y', 2)"));

        assertThat(Databases.firstDifference(a, b)).hasValueSatisfying(d ->
                assertThat(d).contains("table counter row 2").contains("'y|1'").contains("'y|2'"));
    }

    @Test
    void a_missing_row_is_a_difference() throws Exception {
        ReplicaDatabase a = read("r1", db("a.db", "('x', 1)", "('y', 1)"));
        ReplicaDatabase b = read("r2", db("b.db", "('x', 1)"));

        assertThat(Databases.firstDifference(a, b)).hasValueSatisfying(d -> assertThat(d).contains("(none)"));
    }

    private static ReplicaDatabase read(String replica, Path file) {
        return Databases.read(replica, file, Map.of());
    }

    private Path db(String name, String... rows) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            for (String row : List.of(rows)) {
                s.execute("INSERT INTO counter VALUES " + row);
            }
        }
        return file;
    }
}

package dev.br2k.robustness.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.robustness.ExperimentException;
import dev.br2k.robustness.registry.RegistryKvService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime's sample KvService: {@code POST /counter/<request id>}. A counter per request makes a
 * second application visible: the answer and every replica's {@code counter} row would say 2.
 */
public final class KvWorkload implements Workload {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String describe() {
        return "KvService (core-replication's sample), POST /counter/<request id>";
    }

    @Override
    public String serviceMainClass() {
        return RegistryKvService.class.getName();
    }

    @Override
    public void prepare(List<URI> replicas, int clients) {
        // nothing to set up
    }

    @Override
    public PreparedRequest request(int client, String requestId) {
        return new PreparedRequest(requestId, "POST", "/counter/" + requestId, "", Map.of());
    }

    /** {@code GET /counter/<request id>} (only-once, leader). */
    @Override
    public PreparedRequest read(int client, String requestId) {
        return new PreparedRequest(requestId, "GET", "/counter/" + requestId, "", Map.of());
    }

    /** No: KvService is the runtime's sample and has no such hook. */
    @Override
    public boolean canFailHandlers() {
        return false;
    }

    @Override
    public long appliedPerAnswer(String body) {
        try {
            return JSON.readTree(body).path("value").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Path databaseFile(Path stateDir) {
        return stateDir.resolve("kv.db");
    }

    @Override
    public Map<String, Long> applied(Path databaseFile) {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + databaseFile + "?mode=ro");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, value FROM counter")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new ExperimentException("cannot read the counters in " + databaseFile + ": " + e.getMessage(), e);
        }
        return out;
    }
}

package dev.br2k.robustness.workload;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the clients ask of the service, and how the audit finds each request in a replica's database.
 * Every request must leave one row (or count) per application keyed by its request id, so that an
 * acknowledged request that is missing, or one applied twice, is visible in the state itself.
 */
public interface Workload {
    /** A short name for the report, e.g. "KvService counters". */
    String describe();

    /** The main class each replica runs; it reads the BR2K_* and BR2K_REGISTRY_* variables. */
    String serviceMainClass();

    /** Runs once the replicas have a leader, before the load: e.g. creates users and consents. */
    void prepare(List<URI> replicas, int clients);

    /** The request a client sends as its request {@code requestId}. */
    PreparedRequest request(int client, String requestId);

    /**
     * A read of the client's data that needs the leader (an only-once route): what a client inside an
     * isolated leader's namespace asks besides writes. A 2xx from an isolated replica would be old data.
     */
    PreparedRequest read(int client, String requestId);

    /** True when the replicas can be made to fail their replicated handlers (the FAIL_FOLLOWER fault). */
    boolean canFailHandlers();

    /**
     * How many times the request was applied, as the acknowledgement says; 1 when the answer does not
     * tell (it is then checked in the databases only).
     */
    long appliedPerAnswer(String body);

    /** The replica's database file in its state directory. */
    Path databaseFile(Path stateDir);

    /** Request id to how many times that request was applied, read from a stopped replica's database. */
    Map<String, Long> applied(Path databaseFile);
}

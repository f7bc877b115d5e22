package dev.br2k.robustness.workload;

import dev.br2k.infodid.Did;
import dev.br2k.infodid.ProfileDraft;
import dev.br2k.infodid.auth.RequestSigner;
import dev.br2k.infodid.auth.SignedRequest;
import dev.br2k.infodid.client.InfoDidClient;
import dev.br2k.infodid.store.ProfileStore;
import dev.br2k.robustness.ExperimentException;
import dev.br2k.robustness.registry.RegistryInfoDidService;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * The InfoDID sample with signed requests. Before the load, every client's profile owner creates a
 * profile and consents to reads by the client's reader. Each request is then the reader's signed
 * {@code POST /profiles/<owner>/reads}: a consented third-party read, which InfoDID logs on every
 * replica with the request id — an applied request is one row of {@code reads}, a second application
 * would be a second row.
 */
public final class InfoDidWorkload implements Workload {
    private final List<Credentials> owners = new ArrayList<>();
    private final List<RequestSigner> readers = new ArrayList<>();
    private final List<RequestSigner> ownerSigners = new ArrayList<>();

    @Override
    public String describe() {
        return "InfoDID (examples/infodid), signed POST /profiles/<owner>/reads";
    }

    @Override
    public String serviceMainClass() {
        return RegistryInfoDidService.class.getName();
    }

    @Override
    public void prepare(List<URI> replicas, int clients) {
        try {
            for (int n = 0; n < clients; n++) {
                int i = n;
                Credentials owner = Credentials.create(Keys.createEcKeyPair());
                Credentials reader = Credentials.create(Keys.createEcKeyPair());
                InfoDidClient client = InfoDidClient.builder(owner).replicas(replicas).timeout(Duration.ofSeconds(60)).build();
                // both are safe to repeat (create-or-replace, grant again); on a loaded machine the first leader
                // may step down while they run, and the client then refuses with "not the leader"
                retry(() -> client.putProfile(ProfileDraft.builder("Owner " + (i + 1)).education("robustness experiment")
                        .build()));
                retry(() -> client.grantConsent(Did.ofAddress(reader.getAddress()), Optional.empty()));
                owners.add(owner);
                ownerSigners.add(RequestSigner.of(owner));
                readers.add(RequestSigner.of(reader));
            }
        } catch (GeneralSecurityException e) {
            throw new ExperimentException("cannot create the InfoDID users' keys: " + e.getMessage(), e);
        }
    }

    /** Runs {@code step} until it succeeds, for up to 60 s (a leader change during the set-up is no reason to fail). */
    private static void retry(Runnable step) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new ExperimentException("the InfoDID set-up kept failing for 60 s: " + e.getMessage(), e);
                }
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        }
    }

    @Override
    public PreparedRequest request(int client, String requestId) {
        RequestSigner reader = readers.get(client - 1);
        String path = "/profiles/" + Did.ofAddress(owners.get(client - 1).getAddress()).address() + "/reads";
        SignedRequest signed = new SignedRequest("POST", path, reader.nextNonce(), "");
        Map<String, String> headers = new HashMap<>(reader.headers(signed));
        headers.put("Content-Type", "application/json");
        return new PreparedRequest(requestId, "POST", path, "", headers);
    }

    /** The owner's signed {@code GET /profiles/<owner>/reads}: who read the profile (only-once, leader). */
    @Override
    public PreparedRequest read(int client, String requestId) {
        RequestSigner owner = ownerSigners.get(client - 1);
        String path = "/profiles/" + owner.did().address() + "/reads";
        SignedRequest signed = new SignedRequest("GET", path, owner.nextNonce(), "");
        return new PreparedRequest(requestId, "GET", path, "", owner.headers(signed));
    }

    /** Yes: {@link RegistryInfoDidService#FAIL_WRITES_FILE}. */
    @Override
    public boolean canFailHandlers() {
        return true;
    }

    @Override
    public long appliedPerAnswer(String body) {
        return 1;
    }

    @Override
    public Path databaseFile(Path stateDir) {
        return stateDir.resolve(ProfileStore.FILE_NAME);
    }

    @Override
    public Map<String, Long> applied(Path databaseFile) {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + databaseFile + "?mode=ro");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT request_id, count(*) FROM reads GROUP BY request_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new ExperimentException("cannot read the logged reads in " + databaseFile + ": " + e.getMessage(), e);
        }
        return out;
    }
}

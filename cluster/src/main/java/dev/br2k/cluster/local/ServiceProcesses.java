package dev.br2k.cluster.local;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.admin.AdminToken;
import dev.br2k.cluster.internal.StepOutcome;
import dev.br2k.cluster.internal.Steps;
import dev.br2k.cluster.internal.Wait;
import dev.br2k.cluster.status.ReplicaStatusClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The replicas' service processes: their environment, starting them, waiting until they answer. */
final class ServiceProcesses {
    private final LocalSettings s;
    private final ReplicaStatusClient statusClient;

    ServiceProcesses(LocalSettings settings, ReplicaStatusClient statusClient) {
        this.s = settings;
        this.statusClient = statusClient;
    }

    /** Starts {@code r}'s service unless it runs. */
    LocalState ensure(LocalState state, LocalReplica r, Steps steps) {
        if (r.service().map(ProcessRecord::alive).orElse(false)) {
            steps.run("start service " + r.name(), () -> false);
            return state;
        }
        CurrentState current = new CurrentState(s.stateFile(), state);
        steps.step("start service " + r.name(), () -> {
            current.hold(start(state, r));
            LocalReplica started = current.get().replica(r.name()).orElseThrow();
            return StepOutcome.changed("pid " + started.service().map(ProcessRecord::pid).orElse(-1L) + ", http port "
                    + started.httpPort() + ", log " + s.layout().log(r.name(), LogOptions.SERVICE));
        });
        return current.get();
    }

    private LocalState start(LocalState state, LocalReplica r) throws IOException {
        LocalLayout layout = s.layout();
        Files.createDirectories(layout.stateDir(r.name()));
        Files.createDirectories(layout.backups());
        List<String> endpoints = new ArrayList<>();
        endpoints.add(r.clientUrl());
        state.inStage(ReplicaStage.ACTIVE).stream().filter(o -> !o.name().equals(r.name()))
                .forEach(o -> endpoints.add(o.clientUrl()));
        Map<String, String> env = new HashMap<>(state.launch().env());
        env.put("BR2K_SERVICE", s.service());
        env.put("BR2K_REPLICA_ID", r.name());
        env.put("BR2K_ETCD_ENDPOINTS", String.join(",", endpoints));
        env.put("BR2K_HTTP_HOST", "127.0.0.1");
        env.put("BR2K_HTTP_PORT", Integer.toString(r.httpPort()));
        env.put("BR2K_ADVERTISE_URL", r.httpUrl());
        env.put("BR2K_STATE_DIR", layout.stateDir(r.name()).toString());
        env.put("BR2K_BACKUP_DIR", layout.backups().toString());
        env.put("BR2K_LOCATION_FILE", layout.locationFile().toString());
        env.put("BR2K_BACKUP_LOG_FILE", layout.backupLog().toString());
        env.put(AdminToken.FILE_VARIABLE, AdminToken.ensureFile(layout.adminTokenFile()).toString());
        // A service that reads it logs to this file itself, rolled at a size cap; its console output is appended to the same file.
        env.put("BR2K_LOG_FILE", layout.log(r.name(), LogOptions.SERVICE).toString());
        ProcessRecord p = Processes.start(state.launch().command(), env, layout.replicaDir(r.name()),
                layout.log(r.name(), LogOptions.SERVICE));
        LocalState next = state.put(state.replica(r.name()).orElse(r).withService(Optional.of(p)));
        s.stateFile().write(next);
        return next;
    }

    /** Waits until {@code r} answers on {@code /br2k/status}; fails at once if its process exits. */
    void awaitAnswer(LocalReplica r) {
        LocalLayout layout = s.layout();
        Wait.until(r.name() + " to answer on " + r.httpUrl() + "/br2k/status (see " + layout.log(r.name(), LogOptions.SERVICE) + ")",
                s.startTimeout(), () -> {
                    if (!s.stateFile().read().flatMap(st -> st.replica(r.name())).flatMap(LocalReplica::service)
                            .map(ProcessRecord::alive).orElse(false)) {
                        throw new ClusterException(r.name() + "'s service process exited; see "
                                + layout.log(r.name(), LogOptions.SERVICE));
                    }
                    return statusClient.read(URI.create(r.httpUrl())).isPresent();
                });
    }
}

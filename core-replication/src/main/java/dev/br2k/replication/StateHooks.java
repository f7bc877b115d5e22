package dev.br2k.replication;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How the runtime copies the service's local state into a backup and puts a backup back. The default
 * ({@link #copyDirectory()}) copies the state directory's files while no handler runs; a service whose
 * state needs more care (an open database) provides its own, e.g. with SQLite's backup API.
 */
public interface StateHooks {
    /**
     * Writes a consistent copy of the local state into the empty directory {@code target}. Called by
     * the leader while no handler runs.
     */
    void snapshot(Path stateDir, Path target) throws IOException;

    /**
     * Replaces the local state with the files in {@code source} (already verified). Called while no
     * handler runs; an empty {@code source} means "the initial, empty state".
     */
    void restore(Path source, Path stateDir) throws IOException;

    /**
     * Whether the service's state is on disk (fsync'd) by the time a handler returns, e.g. SQLite with
     * {@code synchronous=FULL}. The runtime then trusts its recorded progress after a machine restart;
     * otherwise (the default) a replica whose machine restarted since it last ran (the kernel's boot id
     * differs) restores a backup as Learner, because its recorded {@code lpi} may be ahead of what the
     * disk kept (spec §1.4, I5). A process crash or kill is survived either way.
     */
    default boolean durable() {
        return false;
    }

    /** Copies the state directory's regular files (not the runtime's own {@code .br2k} directory). */
    static StateHooks copyDirectory() {
        return dev.br2k.replication.internal.DirectoryStateHooks.INSTANCE;
    }
}

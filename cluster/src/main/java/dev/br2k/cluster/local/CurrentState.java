package dev.br2k.cluster.local;

/**
 * The cluster's state as an operation changes it step by step: each step's action {@link #save saves} the state it
 * produced (to the state file, so another JVM and a crash see it), and the next step starts from {@link #get}.
 */
final class CurrentState {
    private final StateFile stateFile;
    private LocalState state;

    CurrentState(StateFile stateFile, LocalState state) {
        this.stateFile = stateFile;
        this.state = state;
    }

    LocalState get() {
        return state;
    }

    /** Writes {@code next} to the state file and makes it current. */
    LocalState save(LocalState next) {
        stateFile.write(next);
        state = next;
        return next;
    }

    /** Makes {@code next} current; it is already in the state file. */
    LocalState hold(LocalState next) {
        state = next;
        return next;
    }
}

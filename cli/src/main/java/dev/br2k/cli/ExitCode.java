package dev.br2k.cli;

/** What {@code br2k} exits with; listed in {@code br2k --help}. */
public final class ExitCode {
    public static final int OK = 0;
    /** The operation ran and failed (a replica did not start, a transaction reverted, ...). */
    public static final int FAILED = 1;
    /** The command line is wrong (picocli's usage error). */
    public static final int USAGE = 2;
    /** A project, context or config file is broken; the message names the field. */
    public static final int BAD_FILE = 3;
    /** A component (chain node, image registry, Kubernetes API, etcd) cannot be reached. */
    public static final int UNREACHABLE = 4;
    /** Something the command needs is not set up yet (no current context, not logged in, ...). */
    public static final int NOT_CONFIGURED = 5;
    /** {@code sandbox status}: the sandbox runs but is not healthy. */
    public static final int UNHEALTHY = 6;

    private ExitCode() {
    }
}

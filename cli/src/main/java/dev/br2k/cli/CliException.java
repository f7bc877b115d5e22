package dev.br2k.cli;

/**
 * A failure the user can act on: the message says what is wrong and what to do; {@link #exitCode()}
 * is what the {@code br2k} process exits with.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A file the user wrote (project, context, config) is broken: exit 3. */
    public static CliException badFile(String message) {
        return new CliException(ExitCode.BAD_FILE, message);
    }

    /** The operation ran and failed: exit 1. */
    public static CliException failed(String message, Throwable cause) {
        return new CliException(ExitCode.FAILED, message, cause);
    }

    /** A component (chain node, registry, cluster) cannot be reached: exit 4. */
    public static CliException unreachable(String message, Throwable cause) {
        return new CliException(ExitCode.UNREACHABLE, message, cause);
    }

    /** Something the command needs is not set up yet: exit 5. */
    public static CliException notConfigured(String message) {
        return new CliException(ExitCode.NOT_CONFIGURED, message);
    }
}

package dev.br2k.robustness.network;

import dev.br2k.robustness.ExperimentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short administrative commands ({@code ip}, {@code kill}) and returns their output. */
public final class Shell {
    private Shell() {
    }

    /** Runs the command; a non-zero exit throws with the command's error output. */
    public static String run(String... command) {
        Result r = tryRun(command);
        if (r.exitCode() != 0) {
            throw new ExperimentException("'" + String.join(" ", command) + "' failed (exit " + r.exitCode() + "): "
                    + r.output().strip());
        }
        return r.output();
    }

    /** Runs the command and returns its exit code and combined output, whatever the exit code. */
    public static Result tryRun(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ExperimentException("'" + String.join(" ", command) + "' did not finish within 30 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExperimentException("cannot run '" + command[0] + "': " + e.getMessage()
                    + " (the experiment needs iproute2 and root)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }

    /** Joins a command prefix and arguments. */
    public static String[] concat(List<String> prefix, String... args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** A command's exit code and its standard output and error, interleaved. */
    public record Result(int exitCode, String output) {
    }
}

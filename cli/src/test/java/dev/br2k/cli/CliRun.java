package dev.br2k.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code br2k} in this JVM with its own home directory and captures what it prints. */
public final class CliRun {
    private final Path home;
    private final Map<String, String> env = new HashMap<>(System.getenv());

    public CliRun(Path home) {
        this.home = home;
        env.remove("BR2K_HOME");
        env.remove("DISPLAY");
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Path home() {
        return home;
    }

    /** One finished command. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>();
        all.add(args[0]);
        all.add("--home");
        all.add(home.toString());
        all.addAll(List.of(args).subList(1, args.length));
        return runRaw(all.toArray(String[]::new));
    }

    /** Runs a sandbox subcommand (the home option belongs after the subcommand's name). */
    public Result sandbox(String sub, String... args) {
        List<String> all = new ArrayList<>(List.of("sandbox", sub, "--home", home.toString()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    public Result runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Br2kCli.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}

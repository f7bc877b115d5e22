package dev.br2k.cli;

import dev.br2k.cli.home.Br2kHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command has, and the streams it writes to. */
public final class Common {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = "BR2K home directory with config, contexts and logins (default: $BR2K_HOME, else ~/.br2k).")
    Path home;

    /** The home directory from --home (here or on a parent command: br2k --home X sandbox up), BR2K_HOME or ~/.br2k. */
    public Br2kHome home() {
        return Br2kHome.resolve(homeFlag(), env());
    }

    private Path homeFlag() {
        if (home != null) {
            return home;
        }
        for (var parent = spec.commandLine().getParent(); parent != null; parent = parent.getParent()) {
            for (CommandSpec mixin : parent.getCommandSpec().mixins().values()) {
                if (mixin.userObject() instanceof Common c && c.home != null) {
                    return c.home;
                }
            }
        }
        return null;
    }

    public Map<String, String> env() {
        return Br2kCli.environment();
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A line of progress, on stderr so stdout stays parseable. */
    public void progress(String line) {
        err().println(line);
        err().flush();
    }
}

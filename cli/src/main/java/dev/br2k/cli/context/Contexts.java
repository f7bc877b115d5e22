package dev.br2k.cli.context;

import dev.br2k.cli.CliException;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.ContextKind;
import dev.br2k.cli.home.HomeConfig;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.context.InvalidContextException;
import java.nio.file.Path;

/** Finds and reads contexts for the commands. */
public final class Contexts {
    private Contexts() {
    }

    /** The context named {@code name}, or the current one when {@code name} is null. */
    public static ContextEntry select(Br2kHome home, String name) {
        HomeConfig config = home.config();
        if (name != null) {
            return config.context(name).orElseThrow(() -> CliException.notConfigured("there is no context \"" + name
                    + "\" (known: " + names(config) + "); add it with 'br2k set-context'"));
        }
        String current = config.currentContext().orElseThrow(() -> CliException.notConfigured(
                "no context is selected: import one with 'br2k set-context FILE', or run 'br2k sandbox up'"));
        return config.context(current).orElseThrow();
    }

    /** Reads and validates a deployment-context file; a broken file names the field. */
    public static DeploymentContext parse(Path file) {
        try {
            return DeploymentContextParser.parse(file);
        } catch (InvalidContextException e) {
            throw CliException.badFile(e.getMessage());
        }
    }

    /** The deployment context of a Kubernetes context entry. */
    public static DeploymentContext deployment(ContextEntry entry) {
        if (entry.kind() != ContextKind.KUBERNETES) {
            throw CliException.notConfigured("context \"" + entry.name() + "\" is a local context, not a Kubernetes one");
        }
        return parse(entry.file().orElseThrow());
    }

    static String names(HomeConfig config) {
        return config.contexts().isEmpty() ? "none"
                : String.join(", ", config.contexts().stream().map(ContextEntry::name).toList());
    }
}

package dev.br2k.cli.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.ContextKind;
import dev.br2k.cli.internal.YamlFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "change-k8s-server", mixinStandardHelpOptions = true,
        description = "Points a Kubernetes context at another API server URL (e.g. after the cluster's address changed).")
public final class ChangeK8sServerCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "URL", description = "The API server, e.g. https://10.0.0.1:6443.")
    String server;

    @Option(names = "--context", paramLabel = "NAME", description = "Which context (default: the current one).")
    String context;

    @Option(names = "--token", paramLabel = "TOKEN", description = "A new bearer token as well.")
    String token;

    @Override
    public Integer call() throws IOException {
        if (!server.matches("https?://\\S+")) {
            throw new CliException(ExitCode.USAGE, "'" + server + "' is not an http(s):// URL of an API server");
        }
        Br2kHome home = common.home();
        ContextEntry entry = Contexts.select(home, context);
        if (entry.kind() != ContextKind.KUBERNETES) {
            throw CliException.notConfigured("context \"" + entry.name() + "\" is local; it has no API server");
        }
        Path file = entry.file().orElseThrow();
        Contexts.parse(file);
        ObjectNode root = (ObjectNode) YamlFields.YAML.readTree(file.toFile());
        String old = root.path("apiServer").asText("(kubeconfig)");
        root.put("apiServer", server);
        root.remove("kubeconfigContext");
        if (token != null) {
            root.put("token", token);
        }
        String text = YamlFields.YAML.writeValueAsString(root);
        Path tmp = Files.createTempFile(file.getParent(), ".check", ".yaml");
        try {
            Files.writeString(tmp, text);
            Contexts.parse(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Br2kHome.writeAtomically(file, text, true);
        common.out().println("Context \"" + entry.name() + "\": API server " + old + " -> " + server);
        return ExitCode.OK;
    }
}

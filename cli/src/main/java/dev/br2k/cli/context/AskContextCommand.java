package dev.br2k.cli.context;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ask-context", mixinStandardHelpOptions = true,
        description = {"Writes the request a cluster admin needs to give you a context: namespace, replicas, node labels, port.",
                "Send the file to the admin; they answer with 'br2k context-assign' and send back a context file for 'br2k set-context'."})
public final class AskContextCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "Service name (lower-case DNS label).")
    String service;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace to ask for (default: the service name).")
    String namespace;

    @Option(names = "--replicas", defaultValue = "3", description = "Replicas to run (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--max-replicas", defaultValue = "5", description = "Most replicas, one node each (default: ${DEFAULT-VALUE}).")
    int maxReplicas;

    @Option(names = "--node-label", paramLabel = "KEY=VALUE", description = "A label the replica nodes should get (repeatable; default br2k.dev/<service>=replica).")
    List<String> nodeLabels = List.of();

    @Option(names = "--port", defaultValue = "8080", description = "The service's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--network-id", defaultValue = "1", description = "Chain id of the service registry's network (default: ${DEFAULT-VALUE}).")
    long networkId;

    @Option(names = "--protocol", defaultValue = "HTTP", description = "HTTP, HTTPS or gRPC (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--image", required = true, paramLabel = "REF", description = "The service image, e.g. harbor.example.org/br2k/infodid:1.0.")
    String image;

    @Option(names = "--contact", paramLabel = "WHO", description = "How the admin reaches you.")
    String contact;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the request (default: <service>-context-request.yaml).")
    Path output;

    @Override
    public Integer call() throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String l : nodeLabels) {
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new CliException(ExitCode.USAGE, "--node-label '" + l + "' must be KEY=VALUE");
            }
            labels.put(l.substring(0, eq), l.substring(eq + 1));
        }
        if (labels.isEmpty()) {
            labels.put("br2k.dev/" + service, "replica");
        }
        ContextRequest request = new ContextRequest(service, namespace == null ? service : namespace, replicas, maxReplicas,
                labels, port, networkId, protocol, image, "/var/lib/br2k/state", "/var/lib/etcd", Optional.ofNullable(contact));
        Path file = output != null ? output : Path.of(service + "-context-request.yaml");
        Files.writeString(file, request.toYaml());
        ContextRequest.read(file); // what we wrote must be what the admin's side accepts
        common.out().println("Wrote " + file.toAbsolutePath() + ". Send it to your cluster admin; they run:");
        common.out().println("  br2k context-assign --request " + file.getFileName() + " --output " + service + "-context.yaml");
        return ExitCode.OK;
    }
}

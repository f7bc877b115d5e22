package dev.br2k.cli.chain;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.context.Contexts;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.ContextKind;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.cli.project.ProjectFile;
import dev.br2k.cluster.context.CanonicalContext;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.registry.Registered;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceAlreadyRegisteredException;
import dev.br2k.registry.ServiceRegistration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Registers the service on the BR2K service registry contract: name, description, replicas and maximum,",
                "image and location. Your account becomes its manager. Values come from br2k.yaml unless given."})
public final class RegisterCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".", description = "Project directory with br2k.yaml (default: the current one).")
    Path project;

    @Option(names = "--service", paramLabel = "NAME", description = "Service name (default: the project's).")
    String service;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description (default: the project's).")
    String description;

    @Option(names = "--replicas", description = "Replica count (default: the project's).")
    Integer replicas;

    @Option(names = "--max-replicas", description = "Maximum replicas (default: the project's).")
    Integer maxReplicas;

    @Option(names = "--image", paramLabel = "REF", description = "Container image location (default: none).")
    String image = "";

    @Option(names = "--location", paramLabel = "URL", description = "Where the service is served now (default: none; the leader publishes it).")
    String location = "";

    @Option(names = "--registry", paramLabel = "NAME", description = "Service registry (default: the current one).")
    String registry;

    @Option(names = "--context", paramLabel = "NAME", description = {"Kubernetes context the service is deployed with: its"
            + " canonical form's SHA-256 becomes contextHash, equal to what 'br2k spray' keeps in ConfigMap <service>-context"
            + " (default: the current context when it is a Kubernetes one for this service; otherwise no hash)."})
    String context;

    @Mixin
    SignerOptions signer;

    @Override
    public Integer call() {
        Br2kHome home = common.home();
        ServiceRegistryEntry entry = ServiceRegistries.select(home, registry);
        String name = service;
        String text = description;
        int count;
        int max;
        if (name == null || replicas == null || maxReplicas == null) {
            if (!Files.exists(project.resolve(ProjectFile.FILE_NAME)) && name != null) {
                count = replicas == null ? 1 : replicas;
                max = maxReplicas == null ? Math.max(count, 1) : maxReplicas;
            } else {
                ProjectFile p = ProjectFile.read(project);
                name = name == null ? p.service() : name;
                text = text == null ? p.description() : text;
                count = replicas == null ? p.replicas() : replicas;
                max = maxReplicas == null ? p.maxReplicas() : maxReplicas;
            }
        } else {
            count = replicas;
            max = maxReplicas;
        }
        if (count < 1 || count > max) {
            throw new CliException(ExitCode.USAGE, "replicas must be 1.." + max + " (the maximum), was " + count);
        }
        Credentials credentials = signer.credentials(common,
                signer.keystore(entry, "or give the registry one with 'br2k add-service-registry --keystore'"));
        ServiceRegistration.Builder builder = ServiceRegistration.builder(name).description(text == null ? "" : text)
                .replicas(count, max).location(location).image(image, new byte[0]);
        deploymentContext(home, name).ifPresent(d -> builder.context(CanonicalContext.hash(d),
                "configmap:" + d.namespace() + "/" + d.service() + "-context"));
        ServiceRegistration registration = builder.build();
        common.progress("Registering " + name + " on " + entry.address() + " as " + credentials.getAddress() + " ...");
        try (RegistryClient client = ServiceRegistries.connect(entry, credentials)) {
            Registered r = client.register(registration);
            common.out().println("Registered " + name);
            common.out().println("  service id:  " + r.id());
            common.out().println("  transaction: " + r.receipt().transactionHash() + " (block " + r.receipt().blockNumber() + ")");
            common.out().println("  manager:     " + credentials.getAddress());
            return ExitCode.OK;
        } catch (ServiceAlreadyRegisteredException e) {
            throw CliException.failed(name + " is registered already: see 'br2k view-service " + name + "'", e);
        } catch (RegistryException e) {
            throw CliException.failed("registering " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** The Kubernetes context whose canonical form is hashed: --context, or the current one when it deploys this service. */
    private Optional<DeploymentContext> deploymentContext(Br2kHome home, String name) {
        if (context != null) {
            DeploymentContext d = Contexts.deployment(Contexts.select(home, context));
            if (!d.service().equals(name)) {
                throw new CliException(ExitCode.USAGE, "context \"" + context + "\" deploys service \"" + d.service()
                        + "\", not \"" + name + "\": give the context of " + name + " or register " + d.service());
            }
            return Optional.of(d);
        }
        Optional<String> current = home.config().currentContext();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ContextEntry entry = home.config().context(current.get()).orElseThrow();
        if (entry.kind() != ContextKind.KUBERNETES) {
            return Optional.empty();
        }
        DeploymentContext d = Contexts.deployment(entry);
        return d.service().equals(name) ? Optional.of(d) : Optional.empty();
    }
}

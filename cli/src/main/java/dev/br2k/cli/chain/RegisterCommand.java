package dev.br2k.cli.chain;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.cli.project.ProjectFile;
import dev.br2k.registry.Registered;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceAlreadyRegisteredException;
import dev.br2k.registry.ServiceRegistration;
import java.nio.file.Files;
import java.nio.file.Path;
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
        ServiceRegistration registration = ServiceRegistration.builder(name).description(text == null ? "" : text)
                .replicas(count, max).location(location).image(image, new byte[0]).build();
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
}

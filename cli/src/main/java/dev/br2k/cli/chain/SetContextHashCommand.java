package dev.br2k.cli.chain;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.context.Contexts;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.cluster.context.CanonicalContext;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "set-context-hash", mixinStandardHelpOptions = true,
        description = {"Sets a registered service's contextHash to the SHA-256 of a Kubernetes context's canonical form: the",
                "hash of what 'br2k spray' keeps in ConfigMap <service>-context, which the Watch and 'br2k add/reduce/recovery",
                "--kube-context' check before they change the service. Only the manager can."})
public final class SetContextHashCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "SERVICE", description = "Service name.")
    String service;

    @Option(names = "--context", paramLabel = "NAME", description = "The Kubernetes context the service is deployed with (default: the current one).")
    String context;

    @Option(names = "--registry", paramLabel = "NAME", description = "Service registry (default: the current one).")
    String registry;

    @Mixin
    SignerOptions signer;

    @Override
    public Integer call() {
        DeploymentContext d = Contexts.deployment(Contexts.select(common.home(), context));
        if (!d.service().equals(service)) {
            throw new CliException(ExitCode.USAGE, "the context deploys service \"" + d.service() + "\", not \"" + service
                    + "\": give the context of " + service + " with --context");
        }
        byte[] hash = CanonicalContext.hash(d);
        ServiceRegistryEntry entry = ServiceRegistries.select(common.home(), registry);
        Credentials credentials = signer.credentials(common,
                signer.keystore(entry, "or give the registry one with 'br2k add-service-registry --keystore'"));
        try (RegistryClient client = ServiceRegistries.connect(entry, credentials)) {
            ServiceInfo info = client.findService(ServiceId.ofName(service)).orElseThrow(() -> CliException.notConfigured(
                    service + " is not registered on " + entry.address() + ": register it with 'br2k register --context'"));
            RegistryReceipt receipt = client.setDetails(info.details().toBuilder()
                    .context(hash, "configmap:" + d.namespace() + "/" + d.service() + "-context").build());
            common.out().println("contextHash of " + service + " is " + HexFormat.of().formatHex(hash)
                    + " (transaction " + receipt.transactionHash() + ")");
            return ExitCode.OK;
        } catch (RegistryException e) {
            throw CliException.failed("setting the contextHash of " + service + " failed: " + e.getMessage(), e);
        }
    }
}

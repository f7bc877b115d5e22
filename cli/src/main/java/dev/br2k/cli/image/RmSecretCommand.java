package dev.br2k.cli.image;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.context.Contexts;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.KubeconfigMapping;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rm-secret", mixinStandardHelpOptions = true, description = "Deletes the image pull Secret from the context's namespace.")
public final class RmSecretCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubernetes context (default: the current one).")
    String context;

    @Option(names = "--name", paramLabel = "SECRET", description = "Secret name (default: <service>-pull).")
    String name;

    @Override
    public Integer call() {
        DeploymentContext ctx = Contexts.deployment(Contexts.select(common.home(), context));
        String secretName = name != null ? name : ctx.service() + "-pull";
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeconfigMapping.clientConfig(ctx)).build()) {
            boolean deleted = !client.secrets().inNamespace(ctx.namespace()).withName(secretName).delete().isEmpty();
            common.out().println(deleted ? "Deleted Secret " + ctx.namespace() + "/" + secretName
                    : "There was no Secret " + ctx.namespace() + "/" + secretName);
            return ExitCode.OK;
        } catch (KubernetesClientException e) {
            throw CliException.unreachable("cannot delete Secret " + secretName + ": HTTP " + e.getCode() + " " + e.getMessage(), e);
        }
    }
}

package dev.br2k.cli.image;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.context.Contexts;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ImageRegistryEntry;
import dev.br2k.cli.home.RegistryLogin;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.KubeconfigMapping;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "set-secret", mixinStandardHelpOptions = true,
        description = {"Puts your image-registry login into the context's namespace as an image pull Secret",
                "(kubernetes.io/dockerconfigjson), so the cluster can pull the service image. Log in first with 'br2k login-registry'."})
public final class SetSecretCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubernetes context (default: the current one).")
    String context;

    @Option(names = "--registry", paramLabel = "NAME", description = "Image registry (default: the current one).")
    String registry;

    @Option(names = "--name", paramLabel = "SECRET", description = "Secret name (default: <service>-pull).")
    String name;

    @Override
    public Integer call() {
        Br2kHome home = common.home();
        DeploymentContext ctx = Contexts.deployment(Contexts.select(home, context));
        ImageRegistryEntry r = Registries.select(home, registry);
        RegistryLogin login = Registries.login(home, r).orElseThrow(() -> CliException.notConfigured(
                "no login for " + r.server() + ": run 'br2k login-registry " + r.name() + " -u USER --password-stdin' first"));
        String secretName = name != null ? name : ctx.service() + "-pull";
        String auth = Base64.getEncoder().encodeToString((login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
        String dockerConfig = "{\"auths\":{\"" + r.server() + "\":{\"username\":\"" + json(login.username()) + "\",\"password\":\""
                + json(login.password()) + "\",\"auth\":\"" + auth + "\"}}}";
        Secret secret = new SecretBuilder().withNewMetadata().withName(secretName).withNamespace(ctx.namespace())
                .withLabels(Map.of("app.kubernetes.io/managed-by", "br2k", "br2k.dev/service", ctx.service())).endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .withData(Map.of(".dockerconfigjson", Base64.getEncoder().encodeToString(dockerConfig.getBytes(StandardCharsets.UTF_8))))
                .build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeconfigMapping.clientConfig(ctx)).build()) {
            client.resource(secret).inNamespace(ctx.namespace()).createOr(existing -> existing.update());
        } catch (KubernetesClientException e) {
            throw CliException.unreachable("cannot write Secret " + secretName + " in " + ctx.namespace() + ": HTTP " + e.getCode()
                    + " " + e.getMessage(), e);
        }
        common.out().println("Secret " + ctx.namespace() + "/" + secretName + " holds the login for " + r.server()
                + "; add it to imagePullSecrets in the context.");
        return ExitCode.OK;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

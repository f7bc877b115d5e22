package dev.br2k.cli.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.kubernetes.DesiredState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployer account context-assign creates may create every kind of object a deployment applies (RBAC, which the mock skips). */
class DeployerRulesTest {
    @TempDir
    Path dir;

    @Test
    void the_deployer_role_covers_every_object_a_deployment_applies() throws Exception {
        Files.writeString(dir.resolve("keystore.json"), "{}");
        Files.writeString(dir.resolve("ctx.yaml"), """
                name: lab
                service: infodid
                apiServer: https://10.0.0.1:6443
                token: t
                namespace: br2k
                networkId: 31337
                port: 8080
                stateMountPath: /var/lib/br2k
                etcdMountPath: /var/lib/etcd
                maxReplicas: 5
                image: registry.example.org/br2k/infodid:1.0
                imageRegistry: { server: registry.example.org, username: u, password: p }
                keystore: keystore.json
                """);
        DeploymentContext ctx = DeploymentContextParser.parse(dir.resolve("ctx.yaml"));
        List<HasMetadata> objects = new ArrayList<>(List.of(DesiredState.statefulSet(ctx, 3), DesiredState.peerService(ctx),
                DesiredState.clientService(ctx), DesiredState.initialEtcdConfig(ctx, 3), DesiredState.serviceAccount(ctx),
                DesiredState.leaderLabelRole(ctx), DesiredState.leaderLabelRoleBinding(ctx), DesiredState.disruptionBudget(ctx),
                DesiredState.networkPolicy(ctx)));
        DesiredState.registrySecret(ctx).ifPresent(objects::add);
        DesiredState.keystoreSecret(ctx).ifPresent(objects::add);

        for (HasMetadata o : objects) {
            String group = o.getApiVersion().contains("/") ? o.getApiVersion().substring(0, o.getApiVersion().indexOf('/')) : "";
            String resource = plural(o.getKind());
            assertThat(ContextAssignCommand.deployerRules()).as("%s (%s/%s)", o.getKind(), group, resource)
                    .anySatisfy((PolicyRule r) -> {
                        assertThat(r.getApiGroups()).contains(group);
                        assertThat(r.getResources()).contains(resource);
                        assertThat(r.getVerbs()).containsAnyOf("*", "create");
                    });
        }
    }

    private static String plural(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        return lower.endsWith("y") ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
    }
}

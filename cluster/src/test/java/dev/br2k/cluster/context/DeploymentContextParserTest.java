package dev.br2k.cluster.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentContextParserTest {

    static Path resource(String name) {
        try {
            return Path.of(DeploymentContextParserTest.class.getResource("/contexts/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_complete_yaml_context_is_read_with_every_field() {
        DeploymentContext ctx = DeploymentContextParser.parse(resource("lab.yaml"));

        assertThat(ctx.name()).isEqualTo("lab");
        assertThat(ctx.service()).isEqualTo("infodid");
        assertThat(ctx.apiServer()).contains("https://10.0.0.1:6443");
        assertThat(ctx.token()).contains("test-token");
        assertThat(ctx.insecureSkipTlsVerify()).isTrue();
        assertThat(ctx.namespace()).isEqualTo("br2k");
        assertThat(ctx.nodeLabels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("br2k.dev/replica-node", "true", "topology.kubernetes.io/zone", "zone-a"));
        assertThat(ctx.networkId()).isEqualTo(31337);
        assertThat(ctx.protocol()).isEqualTo(Protocol.HTTP);
        assertThat(ctx.endpoints()).containsExactly("https://infodid.example.org");
        assertThat(ctx.port()).isEqualTo(8080);
        assertThat(ctx.stateMountPath()).isEqualTo("/var/lib/br2k");
        assertThat(ctx.etcdMountPath()).isEqualTo("/var/lib/etcd");
        assertThat(ctx.image()).isEqualTo("registry.example.org/br2k/infodid:1.0");
        assertThat(ctx.etcdImage()).isEqualTo("registry.example.org/etcd:3.4.23");
        assertThat(ctx.replicas()).isEqualTo(3);
        assertThat(ctx.maxReplicas()).isEqualTo(5);
        assertThat(ctx.storageSize()).isEqualTo("2Gi");
        assertThat(ctx.storageClass()).contains("fast");
        assertThat(ctx.exposure()).isEqualTo(ServiceExposure.NODE_PORT);
        assertThat(ctx.imageRegistry()).contains(new ImageRegistry("registry.example.org", "deployer", "s3cret"));
        assertThat(ctx.imagePullSecrets()).containsExactly("shared-pull");
        assertThat(ctx.keystore()).contains(resource("keystore.json"));
        assertThat(ctx.etcdTls()).isEqualTo(EtcdTls.NONE);
        assertThat(ctx.toString()).doesNotContain("test-token").doesNotContain("s3cret");
    }

    @Test
    void a_minimal_json_context_gets_defaults_and_uses_an_existing_kubeconfig_context() {
        DeploymentContext ctx = DeploymentContextParser.parse(resource("minimal.json"));

        assertThat(ctx.name()).isEqualTo("kv");
        assertThat(ctx.apiServer()).isEmpty();
        assertThat(ctx.kubeconfigContext()).contains("kind-br2k");
        assertThat(ctx.namespace()).isEqualTo("default");
        assertThat(ctx.replicas()).isEqualTo(3);
        assertThat(ctx.etcdImage()).isEqualTo(DeploymentContext.DEFAULT_ETCD_IMAGE);
        assertThat(ctx.protocol()).isEqualTo(Protocol.HTTP);
        assertThat(ctx.exposure()).isEqualTo(ServiceExposure.CLUSTER_IP);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "port: 70000                         | port                 | between 1 and 65535",
            "port: eighty                        | port                 | whole number",
            "service: Info_DID                   | service              | DNS label",
            "protocol: SMTP                      | protocol             | HTTP",
            "stateMountPath: relative/path       | stateMountPath       | absolute path",
            "replicaz: 3                         | replicaz             | not a known field",
            "replicas: 9                         | replicas             | more than maxReplicas",
            "imageRegistry: {server: r.example}  | imageRegistry.username | missing",
            "etcdTls: {peer: maybe}              | etcdTls.peer         | true or false",
            "nodeLabels: [a, b]                  | nodeLabels           | mapping",
            "keystore: no-such-file.json         | keystore             | not a readable file",
            "serviceType: Ingress                | serviceType          | ClusterIP",
    })
    void a_broken_context_names_the_bad_field(String override, String field, String hint, @TempDir Path dir) throws Exception {
        String text = Files.readString(resource("lab.yaml"));
        String key = override.substring(0, override.indexOf(':'));
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith(key + ":")) {
                skipping = true; // drop the field and its nested lines
                continue;
            }
            if (skipping && (line.startsWith(" ") || line.startsWith("-"))) {
                continue;
            }
            skipping = false;
            kept.append(line).append('\n');
        }
        text = kept + override + "\n";
        Files.copy(resource("keystore.json"), dir.resolve("keystore.json"));
        Path file = dir.resolve("ctx.yaml");
        Files.writeString(file, text);

        assertThatThrownBy(() -> DeploymentContextParser.parse(file))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.field()).isEqualTo(field);
                        assertThat(p.message()).contains(hint);
                    });
                    assertThat(e.getMessage()).contains(field).contains(file.toString());
                });
    }

    @Test
    void a_context_missing_required_fields_lists_every_one_of_them() {
        assertThatThrownBy(() -> DeploymentContextParser.parse("service: kv\n", "inline", Path.of(".")))
                .isInstanceOfSatisfying(InvalidContextException.class, e ->
                        assertThat(e.problems()).extracting(ContextProblem::field).contains(
                                "apiServer", "networkId", "port", "stateMountPath", "etcdMountPath", "image", "maxReplicas"));
    }

    @Test
    void text_that_is_not_yaml_is_refused_with_its_line() {
        assertThatThrownBy(() -> DeploymentContextParser.parse("service: [unclosed\nport: 1\n", "bad.yaml", Path.of(".")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("not valid YAML or JSON");
    }

    @Test
    void a_context_maps_onto_a_kubeconfig_cluster_user_and_context_with_its_namespace(@TempDir Path dir) throws Exception {
        DeploymentContext ctx = DeploymentContextParser.parse(resource("lab.yaml"));
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: other
                  cluster: { server: "https://other:6443" }
                users:
                - name: other
                  user: { token: other-token }
                contexts:
                - name: other
                  context: { cluster: other, user: other, namespace: x }
                current-context: other
                """);

        KubeconfigMapping.mergeInto(kubeconfig, ctx, false);
        KubeconfigMapping.mergeInto(kubeconfig, ctx, false); // a second merge replaces, never duplicates

        io.fabric8.kubernetes.client.Config loaded = io.fabric8.kubernetes.client.Config.fromKubeconfig("lab",
                Files.readString(kubeconfig), kubeconfig.toString());
        assertThat(loaded.getMasterUrl()).startsWith("https://10.0.0.1:6443");
        assertThat(Optional.ofNullable(loaded.getOauthToken()).or(() -> Optional.ofNullable(loaded.getAutoOAuthToken())))
                .contains("test-token");
        assertThat(loaded.getNamespace()).isEqualTo("br2k");
        assertThat(loaded.isTrustCerts()).isTrue();
        io.fabric8.kubernetes.api.model.Config model = new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                .unmarshal(Files.readString(kubeconfig), io.fabric8.kubernetes.api.model.Config.class);
        assertThat(model.getCurrentContext()).isEqualTo("other");
        assertThat(model.getClusters()).extracting(c -> c.getName()).containsExactly("other", "lab");
        assertThat(model.getUsers()).extracting(u -> u.getName()).containsExactly("other", "lab");
        assertThat(model.getContexts()).extracting(c -> c.getName()).containsExactly("other", "lab");

        io.fabric8.kubernetes.client.Config direct = KubeconfigMapping.clientConfig(ctx);
        assertThat(direct.getMasterUrl()).startsWith("https://10.0.0.1:6443");
        assertThat(direct.getNamespace()).isEqualTo("br2k");
        assertThat(Optional.ofNullable(direct.getOauthToken())).contains("test-token");
        assertThat(List.of(loaded.getNamespace(), direct.getNamespace())).containsOnly("br2k");
    }
}

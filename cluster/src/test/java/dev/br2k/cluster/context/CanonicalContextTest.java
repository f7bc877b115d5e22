package dev.br2k.cluster.context;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalContextTest {

    static Path lab() throws URISyntaxException {
        return Path.of(CanonicalContextTest.class.getResource("/contexts/lab.yaml").toURI());
    }

    @Test
    void the_canonical_form_holds_no_credential_and_no_connection() throws Exception {
        DeploymentContext ctx = DeploymentContextParser.parse(lab());
        String keystore = Files.readString(lab().resolveSibling("keystore.json"));

        String canonical = CanonicalContext.of(ctx);

        assertThat(canonical).doesNotContain("s3cret", "deployer", "test-token", "10.0.0.1", "keystore.json")
                .doesNotContain(keystore.strip().substring(0, Math.min(20, keystore.strip().length())))
                .contains("\"keystore\":true", "\"imageRegistry\":\"registry.example.org\"", "\"image\":\"registry.example.org/br2k/infodid:1.0\"");
    }

    @Test
    void the_hash_does_not_depend_on_field_order_replica_count_or_how_the_cluster_is_reached() throws Exception {
        DeploymentContext ctx = DeploymentContextParser.parse(lab());
        String text = Files.readString(lab());
        String reordered = text.replace("service: infodid\n", "").replace("name: lab", "name: other")
                .replace("replicas: 3\n", "replicas: 1\n").replace("token: test-token\n", "")
                .replace("apiServer: https://10.0.0.1:6443", "kubeconfigContext: elsewhere") + "service: infodid\n";
        assertThat(reordered).isNotEqualTo(text);
        DeploymentContext other = DeploymentContextParser.parse(reordered, "reordered", lab().getParent());

        assertThat(CanonicalContext.hash(other)).hasSize(32).isEqualTo(CanonicalContext.hash(ctx));
        assertThat(CanonicalContext.hash(ctx.withImage("registry.example.org/br2k/infodid:2.0")))
                .isNotEqualTo(CanonicalContext.hash(ctx));
    }

    @Test
    void read_back_the_context_keeps_every_deployed_field_and_names_the_secrets_instead_of_holding_them() throws Exception {
        DeploymentContext ctx = DeploymentContextParser.parse(lab());

        StoredContext back = CanonicalContext.read(CanonicalContext.of(ctx), "ConfigMap br2k/infodid-context", "kind-lab",
                "infodid-registry", 4);

        DeploymentContext c = back.context();
        assertThat(back.keystoreSecret()).isTrue();
        assertThat(back.hash()).isEqualTo(CanonicalContext.hash(ctx));
        assertThat(c.keystore()).isEmpty();
        assertThat(c.imageRegistry()).isEmpty();
        assertThat(c.imagePullSecrets()).containsExactly("infodid-registry", "shared-pull");
        assertThat(c.kubeconfigContext()).contains("kind-lab");
        assertThat(c.replicas()).isEqualTo(4);
        assertThat(c).usingRecursiveComparison()
                .ignoringFields("name", "apiServer", "token", "certificateAuthority", "insecureSkipTlsVerify",
                        "kubeconfigContext", "replicas", "imageRegistry", "imagePullSecrets", "keystore")
                .isEqualTo(ctx);
    }

    @Test
    void a_kept_context_that_is_not_the_registered_one_is_refused_naming_both_hashes_and_the_fix() throws Exception {
        DeploymentContext ctx = DeploymentContextParser.parse(lab());
        StoredContext kept = CanonicalContext.read(CanonicalContext.of(ctx), "ConfigMap br2k/infodid-context", "kind-lab",
                "infodid-registry", 3);

        assertThat(kept.requireRegistered(CanonicalContext.hash(ctx), "ConfigMap br2k/infodid-context")).isSameAs(kept);
        byte[] other = CanonicalContext.hash(ctx.withImage("registry.example.org/br2k/infodid:2.0"));
        assertThatThrownBy(() -> kept.requireRegistered(other, "ConfigMap br2k/infodid-context"))
                .isInstanceOf(dev.br2k.cluster.ClusterException.class)
                .hasMessageContaining("ConfigMap br2k/infodid-context").hasMessageContaining(java.util.HexFormat.of().formatHex(other))
                .hasMessageContaining("br2k set-context-hash infodid");
        assertThatThrownBy(() -> kept.requireRegistered(new byte[32], "ConfigMap br2k/infodid-context"))
                .hasMessageContaining("registered without a contextHash").hasMessageContaining("br2k set-context-hash infodid");
    }

    @Test
    void a_text_that_is_not_a_context_is_refused_naming_the_field() {
        assertThatThrownBy(() -> CanonicalContext.read("{\"service\":\"infodid\"}", "ConfigMap br2k/infodid-context",
                "kind-lab", "infodid-registry", 1))
                .isInstanceOf(InvalidContextException.class).hasMessageContaining("ConfigMap br2k/infodid-context")
                .hasMessageContaining("image");
        assertThatThrownBy(() -> CanonicalContext.read("[1]", "ConfigMap br2k/infodid-context", "kind-lab", "infodid-registry", 1))
                .isInstanceOf(InvalidContextException.class).hasMessageContaining("not the JSON object spray writes");
    }
}

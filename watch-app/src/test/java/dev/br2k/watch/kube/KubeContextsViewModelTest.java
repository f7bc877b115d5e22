package dev.br2k.watch.kube;

import dev.br2k.cluster.ClusterException;
import dev.br2k.watch.WatchServices;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.login.LoginViewModel;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.ProfileStore;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.FakeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kubernetes context selector over real kubeconfig files, and the cluster directory it leads to
 * with the real fabric8 client. (A test against fabric8's mock API server cannot run in this module:
 * the server needs Vert.x 5 / Netty 4.2, while this module's test class path carries jetcd's Vert.x 4
 * and web3j's Netty 4.1 for the real KvService replicas; the cluster module tests KubernetesCluster on
 * the mock server.)
 */
class KubeContextsViewModelTest {

    @TempDir
    Path dir;

    final InlineTaskExecutor executor = new InlineTaskExecutor();

    Path kubeconfig(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static String config(String current, String... contexts) {
        StringBuilder b = new StringBuilder("apiVersion: v1\nkind: Config\n");
        if (current != null) {
            b.append("current-context: ").append(current).append('\n');
        }
        b.append("clusters:\n");
        for (String c : contexts) {
            String[] p = c.split(":", 3); // name:namespace:port
            b.append("- name: ").append(p[0]).append("-cluster\n  cluster:\n    server: http://127.0.0.1:").append(p[2]).append('\n');
        }
        b.append("users:\n- name: me\n  user:\n    token: t0ken\ncontexts:\n");
        for (String c : contexts) {
            String[] p = c.split(":", 3);
            b.append("- name: ").append(p[0]).append("\n  context:\n    cluster: ").append(p[0]).append("-cluster\n    user: me\n");
            if (!p[1].isEmpty()) {
                b.append("    namespace: ").append(p[1]).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void lists_the_contexts_of_every_kubeconfig_file_in_order_with_the_first_definition_winning() throws Exception {
        Path first = kubeconfig("a.yaml", config("lab", "lab:br2k:6443", "dev::6444"));
        Path second = kubeconfig("b.yaml", config("prod", "prod:ops:6445", "lab:other:9999"));

        Kubeconfigs read = Kubeconfigs.read(List.of(first, dir.resolve("missing.yaml"), second));

        assertThat(read.files()).containsExactly(first, second);
        assertThat(read.contexts()).extracting(KubeContext::name).containsExactly("lab", "dev", "prod");
        assertThat(read.context("lab").orElseThrow()).isEqualTo(new KubeContext("lab", "lab-cluster", "http://127.0.0.1:6443", "br2k", first));
        assertThat(read.context("dev").orElseThrow().namespace()).isEqualTo("default");
        assertThat(read.currentContext()).contains("lab");
    }

    @Test
    void the_files_are_those_kubectl_reads_kubeconfig_first_else_the_home_config() {
        Path home = Path.of("/home/op");
        assertThat(Kubeconfigs.defaultFiles(Map.of("KUBECONFIG", "/a/one" + File.pathSeparator + "/b/two"), home))
                .containsExactly(Path.of("/a/one"), Path.of("/b/two"));
        assertThat(Kubeconfigs.defaultFiles(Map.of(), home)).containsExactly(home.resolve(".kube/config"));
    }

    @Test
    void the_selector_lists_none_then_the_contexts_and_says_what_a_choice_attaches() throws Exception {
        Path file = kubeconfig("config", config("lab", "lab:br2k:6443", "dev::6444"));
        KubeContextsViewModel vm = new KubeContextsViewModel(executor, () -> Kubeconfigs.read(List.of(file)));

        vm.load();

        assertThat(vm.names()).containsExactly(KubeContextsViewModel.NONE, "lab", "dev");
        assertThat(vm.selectedProperty().get()).as("nothing attached until the operator picks").isEmpty();
        assertThat(vm.messageProperty().get()).contains("2 contexts").contains("local clusters only");
        assertThat(vm.label("lab")).isEqualTo("lab — br2k @ http://127.0.0.1:6443  · current");

        vm.select("lab");

        assertThat(vm.chosen()).map(KubeContext::namespace).contains("br2k");
        assertThat(vm.messageProperty().get()).isEqualTo("Services in namespace br2k of http://127.0.0.1:6443 are attached (state and logs).");
    }

    @Test
    void a_kubeconfig_that_is_not_a_kubeconfig_gets_a_message_naming_the_file() throws Exception {
        Path file = kubeconfig("config", "clusters: [unclosed\n  - {");
        KubeContextsViewModel vm = new KubeContextsViewModel(executor, () -> Kubeconfigs.read(List.of(file)));

        vm.load();

        assertThat(vm.errorProperty().get()).startsWith("Reading the Kubernetes contexts failed.")
                .contains(file.toString()).contains("KUBECONFIG");
        assertThat(vm.names()).containsExactly(KubeContextsViewModel.NONE);
    }

    @Test
    void the_chosen_context_is_remembered_in_the_profile_and_chosen_again_with_it() throws Exception {
        Path file = kubeconfig("config", config(null, "lab:br2k:6443"));
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        LoginViewModel login = new LoginViewModel(executor, store, (f, p) -> Credentials.create("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"),
                (u, a, c) -> new FakeRegistry(), p -> ClusterDirectory.NONE,
                new KubeContextsViewModel(executor, () -> Kubeconfigs.read(List.of(file))));
        login.kube().load();
        login.keystorePathProperty().set(dir.resolve("key.json").toString());
        login.registryAddressProperty().set("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        login.profileNameProperty().set("lab");
        login.kube().select("lab");

        login.logIn("password".toCharArray());

        assertThat(login.sessionProperty().get().profile().kubeContext()).isEqualTo("lab");
        assertThat(store.load()).extracting(Profile::kubeContext).containsExactly("lab");
        LoginViewModel again = new LoginViewModel(executor, store, (f, p) -> null, (u, a, c) -> new FakeRegistry(),
                p -> ClusterDirectory.NONE, new KubeContextsViewModel(executor, () -> Kubeconfigs.read(List.of(file))));
        assertThat(again.kube().selectedProperty().get()).isEqualTo("lab");
    }

    @Test
    void a_remembered_context_that_left_the_kubeconfig_is_kept_and_reported() throws Exception {
        Path file = kubeconfig("config", config(null, "dev::6444"));
        KubeContextsViewModel vm = new KubeContextsViewModel(executor, () -> Kubeconfigs.read(List.of(file)));
        vm.select("lab");

        vm.load();

        assertThat(vm.names()).containsExactly(KubeContextsViewModel.NONE, "dev", "lab");
        assertThat(vm.messageProperty().get()).isEqualTo("The context \"lab\" is not in " + file
                + ". Choose another, or add it with kubectl config set-context.");
        assertThatThrownBy(() -> WatchServices.clusters(new Profile("p", "http://x", "0x1", "", "", "lab"), Kubeconfigs.read(List.of(file))))
                .isInstanceOf(KubeconfigException.class).hasMessageContaining("\"lab\" is not in");
    }

    @Test
    void a_context_whose_api_server_does_not_answer_gives_a_message_naming_the_context_and_what_to_check() throws Exception {
        Path file = kubeconfig("config", config(null, "lab:br2k:1"));
        KubeContext lab = Kubeconfigs.read(List.of(file)).context("lab").orElseThrow();

        try (KubernetesClusterDirectory clusters = new KubernetesClusterDirectory(lab)) {
            assertThatThrownBy(() -> clusters.cluster("kv"))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageStartingWith("Cannot read kv through the Kubernetes context \"lab\" (http://127.0.0.1:1, namespace br2k)")
                    .hasMessageContaining("kubectl --context lab get statefulsets");
        }
    }
}

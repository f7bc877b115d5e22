package dev.br2k.watch.login;

import dev.br2k.registry.RegistryUnavailableException;
import dev.br2k.registry.crypto.KeystorePasswordException;
import dev.br2k.registry.crypto.KeystoreUnreadableException;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.backend.KeystoreUnlocker;
import dev.br2k.watch.backend.RegistryConnector;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.FakeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LoginViewModelTest {

    static final String SECRET = "s3cret-pa55word";
    static final Credentials ACCOUNT = Credentials.create("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

    @TempDir
    Path dir;

    final InlineTaskExecutor executor = new InlineTaskExecutor();

    LoginViewModel vm(KeystoreUnlocker unlocker, RegistryConnector connector) {
        LoginViewModel vm = new LoginViewModel(executor, new ProfileStore(dir.resolve("profiles.json")), unlocker, connector,
                p -> ClusterDirectory.NONE);
        vm.keystorePathProperty().set(dir.resolve("key.json").toString());
        vm.rpcUrlProperty().set("http://127.0.0.1:8545");
        vm.registryAddressProperty().set("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        return vm;
    }

    @Test
    void a_wrong_password_is_reported_as_such_and_gives_no_session() {
        LoginViewModel vm = vm((file, password) -> {
            throw new KeystorePasswordException("Wrong password for the keystore key.json: try again.", null);
        }, (u, a, c) -> new FakeRegistry());

        vm.logIn(SECRET.toCharArray());

        assertThat(vm.problemProperty().get()).isEqualTo(LoginViewModel.Problem.PASSWORD);
        assertThat(vm.errorProperty().get()).startsWith("Wrong password");
        assertThat(vm.sessionProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void an_unreadable_keystore_and_an_unreachable_node_get_their_own_messages() {
        LoginViewModel unreadable = vm((file, password) -> {
            throw new KeystoreUnreadableException(file + " is not an Ethereum V3 keystore: choose a keystore file.", null);
        }, (u, a, c) -> new FakeRegistry());
        unreadable.logIn(SECRET.toCharArray());
        assertThat(unreadable.problemProperty().get()).isEqualTo(LoginViewModel.Problem.KEYSTORE);
        assertThat(unreadable.errorProperty().get()).contains("not an Ethereum V3 keystore");

        LoginViewModel unreachable = vm((file, password) -> ACCOUNT, (u, a, c) -> {
            throw new RegistryUnavailableException("Cannot connect: the Ethereum node at " + u
                    + " did not answer (Connection refused). Check the RPC URL and that the node is running.", null);
        });
        unreachable.logIn(SECRET.toCharArray());
        assertThat(unreachable.problemProperty().get()).isEqualTo(LoginViewModel.Problem.NODE);
        assertThat(unreachable.errorProperty().get()).contains("did not answer").contains("Check the RPC URL");
    }

    @Test
    void a_successful_log_in_remembers_the_profile_but_never_the_password() throws Exception {
        LoginViewModel vm = vm((file, password) -> ACCOUNT, (u, a, c) -> new FakeRegistry());
        vm.profileNameProperty().set("staging");

        vm.logIn(SECRET.toCharArray());

        assertThat(vm.sessionProperty().get()).isNotNull();
        String stored = Files.readString(dir.resolve("profiles.json"));
        assertThat(stored).contains("staging").contains("0x5fbdb2315678afecb367f032d93f642f64180aa3").doesNotContain(SECRET);

        LoginViewModel next = vm((file, password) -> ACCOUNT, (u, a, c) -> new FakeRegistry());
        assertThat(next.profiles()).extracting(Profile::name).containsExactly("staging");
    }

    @Test
    void a_profile_pins_the_chain_of_its_first_log_in_and_a_node_of_another_chain_is_refused() {
        LoginViewModel first = vm((file, password) -> ACCOUNT, (u, a, c) -> new FakeRegistry());
        first.profileNameProperty().set("staging");
        first.logIn(SECRET.toCharArray());
        assertThat(first.sessionProperty().get()).isNotNull();
        assertThat(new ProfileStore(dir.resolve("profiles.json")).load()).singleElement()
                .extracting(Profile::chainId).isEqualTo(31337L);

        // the same profile, and a node that answers for another chain (a mistyped URL, a node in the middle)
        LoginViewModel next = vm((file, password) -> ACCOUNT, (u, a, c) -> new FakeRegistry().onChain(1));
        next.selectedProfileProperty().set(next.profiles().get(0));
        next.logIn(SECRET.toCharArray());

        assertThat(next.sessionProperty().get()).isNull();
        assertThat(next.problemProperty().get()).isEqualTo(LoginViewModel.Problem.REGISTRY);
        assertThat(next.errorProperty().get()).contains("serves chain 1").contains("recorded on chain 31337")
                .contains("staging");
        assertThat(new ProfileStore(dir.resolve("profiles.json")).load()).singleElement()
                .extracting(Profile::chainId).as("the pin is kept").isEqualTo(31337L);
    }

    @Test
    void a_profile_saved_before_chains_were_pinned_loads_and_pins_its_chain_at_the_next_log_in() throws Exception {
        Files.writeString(dir.resolve("profiles.json"), "[{\"name\":\"old\",\"rpcUrl\":\"http://127.0.0.1:8545\","
                + "\"registryAddress\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"keystorePath\":\"k.json\","
                + "\"clusterDir\":\"\",\"kubeContext\":\"\"}]");
        LoginViewModel vm = vm((file, password) -> ACCOUNT, (u, a, c) -> new FakeRegistry());
        assertThat(vm.profiles()).singleElement().extracting(Profile::chainId).isEqualTo(0L);

        vm.selectedProfileProperty().set(vm.profiles().get(0));
        vm.logIn(SECRET.toCharArray());

        assertThat(vm.sessionProperty().get()).isNotNull();
        assertThat(new ProfileStore(dir.resolve("profiles.json")).load()).singleElement()
                .extracting(Profile::chainId).isEqualTo(31337L);
    }

    @Test
    void log_in_waits_until_keystore_rpc_url_and_registry_are_filled_in() {
        LoginViewModel vm = vm((file, password) -> ACCOUNT, (u, a, c) -> new FakeRegistry());
        vm.registryAddressProperty().set(" ");
        assertThat(vm.canLogInProperty().get()).isFalse();
        vm.registryAddressProperty().set("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        assertThat(vm.canLogInProperty().get()).isTrue();
    }

    @Test
    void a_damaged_profile_file_is_ignored() throws Exception {
        Files.writeString(dir.resolve("profiles.json"), "{ not json");
        assertThat(new ProfileStore(dir.resolve("profiles.json")).load()).isEmpty();
    }

    @Test
    void the_password_array_is_wiped_after_a_failed_and_after_a_successful_log_in() {
        char[] wrong = "wrong".toCharArray();
        LoginViewModel failing = vm((file, password) -> {
            throw new KeystorePasswordException("Wrong password for the keystore key.json: try again.", null);
        }, (u, a, c) -> new FakeRegistry());
        failing.logIn(wrong);
        assertThat(failing.problemProperty().get()).isEqualTo(LoginViewModel.Problem.PASSWORD);
        assertThat(wrong).containsOnly('\0');

        char[] right = SECRET.toCharArray();
        StringBuilder seen = new StringBuilder();
        LoginViewModel succeeding = vm((file, password) -> {
            seen.append(password);
            return ACCOUNT;
        }, (u, a, c) -> new FakeRegistry());
        succeeding.logIn(right);
        assertThat(succeeding.sessionProperty().get()).isNotNull();
        assertThat(seen.toString()).isEqualTo(SECRET);
        assertThat(right).containsOnly('\0');

        char[] ignored = SECRET.toCharArray();
        succeeding.registryAddressProperty().set("");
        succeeding.logIn(ignored);   // a log-in that cannot start wipes the array too
        assertThat(ignored).containsOnly('\0');
    }

    @Test
    void editing_the_password_after_a_wrong_one_clears_the_message() {
        LoginViewModel vm = vm((file, password) -> {
            throw new KeystorePasswordException("Wrong password for the keystore key.json: try again.", null);
        }, (u, a, c) -> new FakeRegistry());
        vm.logIn("wrong".toCharArray());
        assertThat(vm.errorProperty().get()).isNotEmpty();

        vm.passwordEdited();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.problemProperty().get()).isEqualTo(LoginViewModel.Problem.NONE);
    }
}

package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.context.CanonicalContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceId;
import dev.br2k.testkit.Anvil;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/** register and view-service against the registry contract on a real anvil. */
class RegistryCommandsIT {
    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    @TempDir
    Path dir;

    CliRun br2k;
    String registryAddress;
    Credentials operator;

    @BeforeEach
    void setUp() {
        operator = anvil.account(1);
        br2k = new CliRun(dir.resolve("home")).env("BR2K_KEYSTORE_PASSWORD", TestRegistry.PASSWORD);
        registryAddress = TestRegistry.deployAndAdd(anvil, dir, br2k, operator).address();
    }

    @Test
    void a_registered_service_is_on_the_chain_and_view_service_shows_it() {
        CliRun.Result register = br2k.run("register", "--service", "infodid", "--description", "User information by DID",
                "--replicas", "3", "--max-replicas", "5", "--image", "127.0.0.1:5000/infodid:0.1.0");
        assertThat(register.exitCode()).as(register.toString()).isZero();
        assertThat(register.out()).contains("Registered infodid").contains(ServiceId.ofName("infodid").toString());

        try (RegistryClient reader = RegistryClient.connectReadOnly(anvil.rpcUrl(), registryAddress)) {
            var info = reader.service(ServiceId.ofName("infodid"));
            assertThat(info.manager()).isEqualToIgnoringCase(operator.getAddress());
            assertThat(info.replicaCount()).isEqualTo(3);
            assertThat(info.maxReplicas()).isEqualTo(5);
            assertThat(info.details().imageLocation()).isEqualTo("127.0.0.1:5000/infodid:0.1.0");
        }

        CliRun.Result view = br2k.run("view-service", "infodid");
        assertThat(view.exitCode()).as(view.toString()).isZero();
        assertThat(view.out()).contains("User information by DID").contains("3 (max 5)")
                .containsIgnoringCase(operator.getAddress()).contains("127.0.0.1:5000/infodid:0.1.0");
    }

    @Test
    void registering_with_a_kubernetes_context_sets_the_context_hash_spray_keeps_beside_the_service() throws Exception {
        Path file = kvsContext();
        assertThat(br2k.run("set-context", file.toString(), "--use").exitCode()).isZero();

        CliRun.Result register = br2k.run("register", "--service", "kvs", "--replicas", "2", "--max-replicas", "4");

        assertThat(register.exitCode()).as(register.toString()).isZero();
        byte[] expected = CanonicalContext.hash(DeploymentContextParser.parse(file));
        try (RegistryClient reader = RegistryClient.connectReadOnly(anvil.rpcUrl(), registryAddress)) {
            var details = reader.service(ServiceId.ofName("kvs")).details();
            assertThat(details.contextHash()).as("contextHash").isEqualTo(expected);
            assertThat(details.contextPointer()).isEqualTo("configmap:br2k/kvs-context");
        }
        assertThat(br2k.run("view-service", "kvs").out()).contains("contextHash:  " + java.util.HexFormat.of().formatHex(expected));
    }

    @Test
    void set_context_hash_gives_a_service_registered_without_one_the_hash_of_its_kubernetes_context() throws Exception {
        assertThat(br2k.run("register", "--service", "kvs", "--replicas", "1", "--max-replicas", "4").exitCode()).isZero();
        Path file = kvsContext();
        assertThat(br2k.run("set-context", file.toString(), "--name", "lab").exitCode()).isZero();

        CliRun.Result set = br2k.run("set-context-hash", "kvs", "--context", "lab");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        try (RegistryClient reader = RegistryClient.connectReadOnly(anvil.rpcUrl(), registryAddress)) {
            assertThat(reader.service(ServiceId.ofName("kvs")).details().contextHash())
                    .isEqualTo(CanonicalContext.hash(DeploymentContextParser.parse(file)));
        }
    }

    /** A Kubernetes deployment context of kvs, as a cluster admin writes it. */
    private Path kvsContext() throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("lab.yaml"), """
                name: lab
                service: kvs
                apiServer: https://127.0.0.1:6443
                token: a-token
                namespace: br2k
                networkId: 31337
                port: 8080
                stateMountPath: /br2k/state
                etcdMountPath: /br2k/etcd
                image: 127.0.0.1:5000/kvs:0.1.0
                replicas: 2
                maxReplicas: 4
                """);
    }

    @Test
    void registering_a_name_twice_fails_and_says_where_to_look() {
        assertThat(br2k.run("register", "--service", "twice", "--replicas", "1", "--max-replicas", "1").exitCode()).isZero();
        CliRun.Result again = br2k.run("register", "--service", "twice", "--replicas", "1", "--max-replicas", "1");
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("registered already").contains("view-service twice");
    }

    @Test
    void a_service_that_is_not_registered_is_reported_as_such() {
        CliRun.Result view = br2k.run("view-service", "nobody");
        assertThat(view.exitCode()).isEqualTo(ExitCode.NOT_CONFIGURED);
        assertThat(view.err()).contains("nobody is not registered");
    }

    @Test
    void a_wrong_keystore_password_is_refused_before_anything_is_sent() {
        CliRun.Result r = new CliRun(br2k.home()).env("BR2K_KEYSTORE_PASSWORD", "wrong")
                .run("register", "--service", "infodid", "--replicas", "1", "--max-replicas", "1");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("password");
    }
}

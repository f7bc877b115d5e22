package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceId;
import dev.br2k.testkit.Anvil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The CLI pins the registry's chain, recognises a registry, keeps its files private and asks for the password on a terminal. */
class CliSecurityIT {
    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    @TempDir
    Path dir;

    CliRun br2k;
    TestRegistry registry;

    @BeforeEach
    void setUp() {
        br2k = new CliRun(dir.resolve("home")).env("BR2K_KEYSTORE_PASSWORD", TestRegistry.PASSWORD);
        registry = TestRegistry.deployAndAdd(anvil, dir, br2k, anvil.account(1));
    }

    @Test
    void a_registry_whose_node_now_serves_another_chain_is_refused_with_both_chain_ids() throws IOException {
        Path config = dir.resolve("home/config");
        assertThat(Files.readString(config)).contains("chainId: " + anvil.chainId());
        Files.writeString(config, Files.readString(config).replace("chainId: " + anvil.chainId(), "chainId: 1"));

        CliRun.Result view = br2k.run("view-service", "anything");

        assertThat(view.exitCode()).as(view.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(view.err()).contains("serves chain " + anvil.chainId()).contains("recorded on chain 1");
    }

    @Test
    void an_address_that_is_not_a_registry_is_refused_when_added() {
        CliRun.Result add = br2k.run("add-service-registry", "wrong", "--rpc-url", anvil.rpcUrl(),
                "--address", anvil.account(7).getAddress());

        assertThat(add.exitCode()).as(add.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(add.err()).contains("not a BR2K service registry");
        assertThat(br2k.run("view-service", "--registry", "wrong", "x").err()).contains("no service registry \"wrong\"");
    }

    @Test
    void the_home_config_naming_endpoints_and_keystores_is_readable_by_its_owner_only() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("home/config"))))
                .isEqualTo("rw-------");
    }

    @Test
    void the_keystore_password_is_asked_on_the_terminal_when_neither_stdin_nor_the_variable_gives_it() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", List.of(java, "-cp", System.getProperty("java.class.path"), Br2kCli.class.getName(),
                "register", "--home", dir.resolve("home").toString(), "--service", "prompted", "--replicas", "1", "--max-replicas", "1"));
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true);
        pb.environment().remove("BR2K_KEYSTORE_PASSWORD");
        pb.environment().remove("BR2K_HOME");
        Process p = pb.start();
        p.getOutputStream().write((TestRegistry.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();

        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Password for").doesNotContain(TestRegistry.PASSWORD + "\r\n" + "Registered");
        try (RegistryClient reader = RegistryClient.connectReadOnly(anvil.rpcUrl(), registry.address())) {
            assertThat(reader.isRegistered(ServiceId.ofName("prompted"))).isTrue();
        }
    }
}

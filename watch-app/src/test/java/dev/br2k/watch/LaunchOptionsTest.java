package dev.br2k.watch;

import dev.br2k.watch.login.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchOptionsTest {

    @TempDir
    Path dir;

    @Test
    void version_asks_for_no_window() {
        assertThat(LaunchOptions.parse("--version").version()).isTrue();
        assertThat(LaunchOptions.parse().prefill()).isEmpty();
    }

    @Test
    void the_sandbox_profile_fills_in_the_log_in_with_paths_relative_to_the_project() throws Exception {
        Path br2k = Files.createDirectories(dir.resolve("project/.br2k"));
        Path file = br2k.resolve("sandbox.json");
        Files.writeString(file, """
                {"name": "sandbox", "rpcUrl": "http://127.0.0.1:8545",
                 "registryAddress": "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                 "keystorePath": ".br2k/keystore/dev.json",
                 "cluster": {"kind": "local", "baseDir": ".br2k/clusters"}, "chainId": 31337}
                """);

        Profile p = LaunchOptions.parse("--profile", file.toString()).prefill().orElseThrow();

        assertThat(p.name()).isEqualTo("sandbox");
        assertThat(p.rpcUrl()).isEqualTo("http://127.0.0.1:8545");
        assertThat(p.registryAddress()).isEqualTo("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        assertThat(p.keystorePath()).isEqualTo(dir.resolve("project/.br2k/keystore/dev.json").toString());
        assertThat(p.clusterDir()).isEqualTo(dir.resolve("project/.br2k/clusters").toString());
    }

    @Test
    void command_line_options_override_the_profile() throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"rpcUrl\": \"http://a:1\", \"registryAddress\": \"0xabc\", \"keystorePath\": \"/k.json\"}");

        Profile p = LaunchOptions.parse("--profile=" + file, "--rpc-url", "http://b:2").prefill().orElseThrow();

        assertThat(p.rpcUrl()).isEqualTo("http://b:2");
        assertThat(p.registryAddress()).isEqualTo("0xabc");
        assertThat(p.keystorePath()).isEqualTo("/k.json");
    }

    @Test
    void an_unknown_option_or_a_profile_without_rpc_url_is_refused_with_the_reason() throws Exception {
        assertThatThrownBy(() -> LaunchOptions.parse("--frobnicate")).hasMessageContaining("Unknown option --frobnicate");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"registryAddress\": \"0xabc\"}");
        assertThatThrownBy(() -> LaunchOptions.parse("--profile", file.toString())).hasMessageContaining("has no \"rpcUrl\"");
    }

    @Test
    void the_kubeconfig_context_comes_from_the_profile_or_the_command_line() throws Exception {
        Path file = dir.resolve("lab.json");
        Files.writeString(file, "{\"rpcUrl\":\"http://a:1\",\"registry\":\"0x1\",\"kubernetes\":{\"context\":\"lab\"}}");

        assertThat(LaunchOptions.parse("--profile", file.toString()).prefill().orElseThrow().kubeContext()).isEqualTo("lab");
        assertThat(LaunchOptions.parse("--profile", file.toString(), "--kube-context", "prod").prefill().orElseThrow().kubeContext())
                .isEqualTo("prod");
    }
}

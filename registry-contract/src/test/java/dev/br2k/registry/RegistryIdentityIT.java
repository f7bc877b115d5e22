package dev.br2k.registry;

import dev.br2k.testkit.Anvil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A client connects only to a BR2K service registry, on the chain it was told. */
class RegistryIdentityIT {

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    /** Creation code of a contract whose code returns 42 for any call: a contract, not a registry. */
    private static final String OTHER_CONTRACT = "0x600a600c600039600a6000f3602a60005260206000f3";

    @Test
    void a_contract_that_is_not_a_registry_is_refused_when_connecting() throws IOException {
        String other = deploy(OTHER_CONTRACT);

        assertThatThrownBy(() -> RegistryClient.connect(anvil.rpcUrl(), other, anvil.account(0)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("is not a BR2K service registry")
                .hasMessageContaining(other);
        assertThatThrownBy(() -> RegistryClient.connectReadOnly(anvil.rpcUrl(), anvil.account(5).getAddress()))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("not a BR2K service registry");
    }

    @Test
    void a_node_of_another_chain_is_refused_when_the_chain_is_pinned() {
        String registry;
        try (RegistryClient deployed = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0))) {
            registry = deployed.registryAddress();
        }

        assertThatThrownBy(() -> RegistryClient.builder().rpcUrl(anvil.rpcUrl()).registryAddress(registry).chainId(1).build())
                .isInstanceOfSatisfying(ChainMismatchException.class, e -> {
                    assertThat(e.expectedChainId()).isEqualTo(1);
                    assertThat(e.actualChainId()).isEqualTo(anvil.chainId());
                    assertThat(e.getMessage()).contains("serves chain " + anvil.chainId(), "recorded on chain 1");
                });
        try (RegistryClient pinned = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).registryAddress(registry)
                .chainId(anvil.chainId()).build()) {
            assertThat(pinned.chainId()).isEqualTo(anvil.chainId());
        }
    }

    private static String deploy(String creationCode) throws IOException {
        Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
        try {
            var manager = new RawTransactionManager(web3j, anvil.account(4), anvil.chainId());
            String hash = manager.sendTransaction(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(100_000), null,
                    creationCode, BigInteger.ZERO, true).getTransactionHash();
            // the receipt exists once the node has mined the transaction, which a loaded machine may not have done yet
            return await("the receipt of " + hash).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt(), Optional::isPresent)
                    .orElseThrow().getContractAddress();
        } finally {
            web3j.shutdown();
        }
    }
}

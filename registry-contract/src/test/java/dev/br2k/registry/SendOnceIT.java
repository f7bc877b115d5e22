package dev.br2k.registry;

import dev.br2k.testkit.Anvil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A write is signed once and lands once, even when the node's answer to sending it is lost. */
class SendOnceIT {

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    @Test
    void a_backup_whose_send_answer_is_lost_is_appended_exactly_once() throws IOException {
        ServiceId id;
        String registry;
        try (RegistryClient manager = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0))) {
            registry = manager.registryAddress();
            id = manager.register(ServiceRegistration.builder("lossy").build()).id();
        }
        try (LossyRpcProxy proxy = new LossyRpcProxy(anvil.rpcUrl());
             RegistryClient client = RegistryClient.connect(proxy.rpcUrl(), registry, anvil.account(0))) {
            BigInteger nonceBefore = nonce(client.account());
            proxy.dropAnswers("eth_sendRawTransaction", 1);

            RegistryReceipt receipt = client.appendBackupLog(id, new byte[] {1, 2, 3});

            assertThat(proxy.forwarded()).isGreaterThanOrEqualTo(2);   // the answer was lost and it was sent again
            assertThat(client.service(id).backupCount()).isEqualTo(1);
            assertThat(client.backups(id, 10)).hasSize(1);
            assertThat(nonce(client.account())).isEqualTo(nonceBefore.add(BigInteger.ONE));
            assertThat(receipt.transactionHash()).isEqualTo(client.latestBackup(id).orElseThrow().position().transactionHash());
        }
    }

    @Test
    void a_chain_with_a_base_fee_gets_an_eip_1559_transaction() throws IOException {
        try (RegistryClient manager = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(3))) {
            RegistryReceipt receipt = manager.register(ServiceRegistration.builder("typed").build()).receipt();

            Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
            try {
                var tx = web3j.ethGetTransactionByHash(receipt.transactionHash()).send().getTransaction().orElseThrow();
                assertThat(tx.getType()).isEqualTo("0x2");
                assertThat(tx.getMaxFeePerGas()).isNotNull();
            } finally {
                web3j.shutdown();
            }
        }
    }

    private static BigInteger nonce(String account) throws IOException {
        Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
        try {
            return web3j.ethGetTransactionCount(account, DefaultBlockParameterName.LATEST).send().getTransactionCount();
        } finally {
            web3j.shutdown();
        }
    }
}

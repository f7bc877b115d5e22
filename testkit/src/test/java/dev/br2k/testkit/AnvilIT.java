package dev.br2k.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AnvilIT {

    @RegisterExtension
    final Anvil anvil = Anvil.builder().chainId(4242).accounts(3).build();

    @Test
    void answers_eth_chain_id_with_the_chosen_id() throws Exception {
        Web3j web3 = Web3j.build(new HttpService(anvil.rpcUrl()));
        try {
            assertThat(web3.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(4242));
            assertThat(anvil.accounts()).hasSize(3);
        } finally {
            web3.shutdown();
        }
    }

    @Test
    void a_funded_account_sends_a_transaction_and_the_state_survives_a_restart() throws Exception {
        Credentials from = anvil.account(0);
        String to = anvil.account(1).getAddress();
        Web3j web3 = Web3j.build(new HttpService(anvil.rpcUrl()));
        try {
            BigInteger before = web3.ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance();
            TransactionReceipt receipt = new Transfer(web3, new RawTransactionManager(web3, from, anvil.chainId()))
                    .sendFunds(to, BigDecimal.ONE, Convert.Unit.ETHER).send();
            assertThat(receipt.isStatusOK()).isTrue();
            BigInteger oneEther = Convert.toWei(BigDecimal.ONE, Convert.Unit.ETHER).toBigInteger();
            assertThat(web3.ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance())
                    .isEqualTo(before.add(oneEther));

            anvil.restart();
            assertThat(web3.ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance())
                    .isEqualTo(before.add(oneEther));
            assertThat(web3.ethGetTransactionReceipt(receipt.getTransactionHash()).send().getTransactionReceipt())
                    .isPresent();
        } finally {
            web3.shutdown();
        }
    }
}

package dev.br2k.registry.internal;

import dev.br2k.registry.RegistryException;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.RegistryTransactionException;
import dev.br2k.registry.RegistryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The JSON-RPC side of the client: calls and transactions with the contract's custom errors decoded,
 * receipts polled at the client's interval, and node failures turned into this module's exceptions.
 * Transactions from one {@code Chain} are sent one at a time.
 */
public final class Chain implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Chain.class);
    private static final int SEND_ATTEMPTS = 3;

    private final String rpcUrl;
    private final Web3j web3j;
    private final long chainId;
    private final Optional<Credentials> credentials;
    private final Optional<RawTransactionManager> signer;
    private final Duration pollingInterval;
    private final Duration receiptTimeout;
    private final RevertDecoder revertDecoder = RevertDecoder.forServiceRegistry();
    private final Object sendLock = new Object();

    private Chain(String rpcUrl, Web3j web3j, long chainId, Optional<Credentials> credentials,
                  Duration pollingInterval, Duration receiptTimeout) {
        this.rpcUrl = rpcUrl;
        this.web3j = web3j;
        this.chainId = chainId;
        this.credentials = credentials;
        this.signer = credentials.map(c -> new RawTransactionManager(web3j, c, chainId));
        this.pollingInterval = pollingInterval;
        this.receiptTimeout = receiptTimeout;
    }

    /** Connects and reads the chain id; fails with {@link RegistryUnavailableException} if the node does not answer. */
    public static Chain connect(String rpcUrl, Optional<Credentials> credentials, Duration pollingInterval,
                                Duration receiptTimeout) {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "br2k-registry-web3j");
            t.setDaemon(true);
            return t;
        });
        Web3j web3j = Web3j.build(new HttpService(rpcUrl), pollingInterval.toMillis(), executor);
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            return new Chain(rpcUrl, web3j, chainId, credentials, pollingInterval, receiptTimeout);
        } catch (IOException | RuntimeException e) {
            web3j.shutdown();
            throw unavailable(rpcUrl, "connect", e);
        }
    }

    public Web3j web3j() {
        return web3j;
    }

    public long chainId() {
        return chainId;
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public Optional<String> account() {
        return credentials.map(Credentials::getAddress);
    }

    public Duration pollingInterval() {
        return pollingInterval;
    }

    public long blockNumber() {
        try {
            return check(web3j.ethBlockNumber().send(), "eth_blockNumber").getBlockNumber().longValueExact();
        } catch (IOException e) {
            throw unavailable("read the block number", e);
        }
    }

    /** When block {@code block} was mined; empty if the node does not have it. */
    public Optional<java.time.Instant> blockTimestamp(long block) {
        try {
            var response = check(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), false).send(),
                    "eth_getBlockByNumber");
            return Optional.ofNullable(response.getBlock())
                    .map(b -> java.time.Instant.ofEpochSecond(b.getTimestamp().longValueExact()));
        } catch (IOException e) {
            throw unavailable("read block " + block, e);
        }
    }

    public boolean hasCode(String address) {
        try {
            String code = check(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send(), "eth_getCode").getCode();
            return code != null && code.length() > 2;
        } catch (IOException e) {
            throw unavailable("read the registry's code", e);
        }
    }

    /** An {@code eth_call} at {@code block}; a revert becomes the contract's decoded error. */
    public String call(String function, String to, String data, long block) {
        Transaction tx = Transaction.createEthCallTransaction(account().orElse(null), to, data);
        try {
            EthCall result = web3j.ethCall(tx, DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send();
            if (result.hasError()) {
                throw refusal(function, result.getError());
            }
            return result.getValue();
        } catch (IOException e) {
            throw unavailable("call " + function, e);
        }
    }

    /** Logs matching {@code filter}, in chain order. */
    public List<Log> logs(EthFilter filter) {
        try {
            EthLog result = check(web3j.ethGetLogs(filter).send(), "eth_getLogs");
            List<Log> logs = new ArrayList<>();
            for (EthLog.LogResult<?> r : result.getLogs()) {
                logs.add((Log) r.get());
            }
            return logs;
        } catch (IOException e) {
            throw unavailable("read registry events", e);
        }
    }

    /**
     * Sends a transaction ({@code to} empty: a contract creation) after simulating it, so that a
     * refusal is reported with the contract's error before any gas is spent, and waits for its receipt.
     */
    public TransactionReceipt send(String function, Optional<String> to, String data) {
        RawTransactionManager manager = signer.orElseThrow(() -> new IllegalStateException(
                "This registry client has no credentials and cannot " + function + "; connect with an account."));
        String from = credentials.orElseThrow().getAddress();
        synchronized (sendLock) {
            try {
                Transaction simulation = to.isPresent()
                        ? Transaction.createFunctionCallTransaction(from, null, null, null, to.get(), BigInteger.ZERO, data)
                        : Transaction.createContractTransaction(from, null, null, data);
                EthEstimateGas estimate = web3j.ethEstimateGas(simulation).send();
                if (estimate.hasError()) {
                    throw refusal(function, estimate.getError());
                }
                BigInteger gasLimit = estimate.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4))
                        .add(BigInteger.valueOf(10_000));
                BigInteger gasPrice = check(web3j.ethGasPrice().send(), "eth_gasPrice").getGasPrice();
                String hash = null;
                for (int attempt = 1; hash == null; attempt++) {
                    EthSendTransaction sent = manager.sendTransaction(gasPrice, gasLimit, to.orElse(null), data,
                            BigInteger.ZERO, to.isEmpty());
                    if (!sent.hasError()) {
                        hash = sent.getTransactionHash();
                    } else if (attempt < SEND_ATTEMPTS && isNonceConflict(sent.getError())) {
                        LOG.debug("Nonce conflict sending {}, retrying: {}", function, sent.getError().getMessage());
                    } else {
                        throw refusal(function, sent.getError());
                    }
                }
                TransactionReceipt receipt = awaitReceipt(function, hash);
                if (!receipt.isStatusOK()) {
                    throw failedOnChain(function, to, data, receipt);
                }
                return receipt;
            } catch (IOException e) {
                throw unavailable(function, e);
            }
        }
    }

    public static RegistryReceipt toReceipt(TransactionReceipt receipt) {
        return new RegistryReceipt(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact(),
                receipt.getGasUsed().longValueExact());
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    private TransactionReceipt awaitReceipt(String function, String hash) throws IOException {
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        long sleep = Math.min(50, pollingInterval.toMillis());
        while (true) {
            EthGetTransactionReceipt response = check(web3j.ethGetTransactionReceipt(hash).send(), "eth_getTransactionReceipt");
            Optional<TransactionReceipt> receipt = response.getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() > deadline) {
                throw new RegistryTransactionException("The " + function + " transaction " + hash + " was not mined within "
                        + receiptTimeout.toSeconds() + " s. It may still be mined: check it before sending again.", hash);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryTransactionException("Interrupted while waiting for the " + function + " transaction "
                        + hash + "; it may still be mined.", hash);
            }
            sleep = Math.min(sleep * 2, pollingInterval.toMillis());
        }
    }

    private RegistryException failedOnChain(String function, Optional<String> to, String data, TransactionReceipt receipt) {
        // Replay at the block before: the state the transaction ran against (another transaction in the
        // same block may have changed it, so this is the best available explanation).
        long block = receipt.getBlockNumber().longValueExact();
        if (to.isPresent()) {
            Transaction tx = Transaction.createEthCallTransaction(account().orElse(null), to.get(), data);
            try {
                EthCall replay = web3j.ethCall(tx, DefaultBlockParameter.valueOf(BigInteger.valueOf(Math.max(0, block - 1)))).send();
                if (replay.hasError() && RevertDecoder.revertData(replay.getError().getData()).isPresent()) {
                    return refusal(function, replay.getError());
                }
            } catch (IOException e) {
                LOG.debug("Cannot replay failed {} transaction {}", function, receipt.getTransactionHash(), e);
            }
        }
        return new RegistryTransactionException("The " + function + " transaction " + receipt.getTransactionHash()
                + " failed in block " + block + " (gas used " + receipt.getGasUsed() + "); nothing was changed.",
                receipt.getTransactionHash());
    }

    private RegistryException refusal(String function, Response.Error error) {
        Optional<String> data = RevertDecoder.revertData(error.getData());
        if (data.isPresent()) {
            return revertDecoder.decode(function, data.get());
        }
        String message = String.valueOf(error.getMessage());
        if (message.toLowerCase(java.util.Locale.ROOT).contains("insufficient funds")) {
            return new RegistryTransactionException("The account " + account().orElse("?") + " cannot pay for the " + function
                    + " transaction: fund it with ether on chain " + chainId + ".", (String) null);
        }
        return new RegistryTransactionException("The node refused " + function + ": " + message, (String) null);
    }

    private static boolean isNonceConflict(Response.Error error) {
        String message = String.valueOf(error.getMessage()).toLowerCase();
        return message.contains("nonce") || message.contains("already known") || message.contains("replacement");
    }

    private <T extends Response<?>> T check(T response, String method) {
        if (response.hasError()) {
            throw new RegistryUnavailableException("The Ethereum node at " + rpcUrl + " answered " + method + " with an error: "
                    + response.getError().getMessage(), null);
        }
        return response;
    }

    private RegistryUnavailableException unavailable(String what, Exception e) {
        return unavailable(rpcUrl, what, e);
    }

    private static RegistryUnavailableException unavailable(String rpcUrl, String what, Exception e) {
        return new RegistryUnavailableException("Cannot " + what + ": the Ethereum node at " + rpcUrl
                + " did not answer (" + e.getMessage() + "). Check the RPC URL and that the node is running.", e);
    }
}

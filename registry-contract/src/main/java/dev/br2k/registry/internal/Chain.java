package dev.br2k.registry.internal;

import dev.br2k.registry.RegistryException;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.RegistryTransactionException;
import dev.br2k.registry.RegistryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
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
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final int BROADCAST_ATTEMPTS = 5;
    /** Requests per JSON-RPC batch: large enough that 1,000 services take a few round trips, small enough for any node's limits. */
    private static final int BATCH_SIZE = 250;

    private final String rpcUrl;
    private final Web3j web3j;
    private final long chainId;
    private final Optional<Credentials> credentials;
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

    /** The code at {@code address} (hex without {@code 0x}); empty if there is no contract. */
    public String code(String address) {
        try {
            String code = check(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send(), "eth_getCode").getCode();
            return code == null ? "" : Numeric.cleanHexPrefix(code).toLowerCase(java.util.Locale.ROOT);
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

    /**
     * Many {@code eth_call}s of one function at one block, sent as JSON-RPC batches of at most
     * {@value #BATCH_SIZE}: the answers in the order of {@code data}. A revert of any call becomes
     * the contract's decoded error, as with {@link #call}.
     */
    public List<String> callAll(String function, String to, List<String> data, long block) {
        DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
        List<EthCall> answers = batch("call " + function, data.stream()
                .map(d -> web3j.ethCall(Transaction.createEthCallTransaction(account().orElse(null), to, d), at))
                .toList(), EthCall.class);
        List<String> values = new ArrayList<>(answers.size());
        for (EthCall answer : answers) {
            if (answer.hasError()) {
                throw refusal(function, answer.getError());
            }
            values.add(answer.getValue());
        }
        return values;
    }

    /** The logs of each filter, sent as JSON-RPC batches; one list per filter, in chain order. */
    public List<List<Log>> logsAll(List<EthFilter> filters) {
        List<EthLog> answers = batch("read registry events", filters.stream().map(web3j::ethGetLogs).toList(), EthLog.class);
        List<List<Log>> logs = new ArrayList<>(answers.size());
        for (EthLog answer : answers) {
            List<Log> ofFilter = new ArrayList<>();
            for (EthLog.LogResult<?> r : check(answer, "eth_getLogs").getLogs()) {
                ofFilter.add((Log) r.get());
            }
            logs.add(ofFilter);
        }
        return logs;
    }

    /**
     * Sends {@code requests} in batches and returns their answers in request order, matched by the
     * JSON-RPC id (a node may answer a batch in any order).
     */
    private <R extends Response<?>> List<R> batch(String what, List<? extends Request<?, R>> requests, Class<R> type) {
        List<R> answers = new ArrayList<>(requests.size());
        try {
            for (int from = 0; from < requests.size(); from += BATCH_SIZE) {
                List<? extends Request<?, R>> chunk = requests.subList(from, Math.min(requests.size(), from + BATCH_SIZE));
                BatchRequest batch = web3j.newBatch();
                chunk.forEach(batch::add);
                Map<Long, Response<?>> byId = new HashMap<>();
                for (Response<?> r : batch.send().getResponses()) {
                    byId.put(r.getId(), r);
                }
                for (Request<?, R> request : chunk) {
                    Response<?> answer = byId.get(request.getId());
                    if (!type.isInstance(answer)) {
                        throw new RegistryUnavailableException("The Ethereum node at " + rpcUrl + " left request " + request.getId()
                                + " of a batch (" + request.getMethod() + ") unanswered.", null);
                    }
                    answers.add(type.cast(answer));
                }
            }
            return answers;
        } catch (IOException e) {
            throw unavailable(what, e);
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
     *
     * <p>The transaction is signed once and its hash kept: a lost answer, a dropped connection or a
     * node that says "already known" make it broadcast the same signed bytes again, never a second
     * transaction. Only a nonce taken by another transaction of the same account (and ours provably
     * not on the chain) makes it sign again, with the next nonce. EIP-1559 fees where the chain has
     * a base fee, a legacy gas price elsewhere.
     */
    public TransactionReceipt send(String function, Optional<String> to, String data) {
        Credentials account = credentials.orElseThrow(() -> new IllegalStateException(
                "This registry client has no credentials and cannot " + function + "; connect with an account."));
        synchronized (sendLock) {
            BigInteger gasLimit = estimateGas(function, account.getAddress(), to, data);
            String hash = null;
            for (int signing = 1; hash == null; signing++) {
                SignedTransaction signed = sign(function, account, to, data, gasLimit);
                hash = broadcast(function, signed, signing < SEND_ATTEMPTS);
            }
            TransactionReceipt receipt = awaitReceipt(function, hash);
            if (!receipt.isStatusOK()) {
                throw failedOnChain(function, to, data, receipt);
            }
            return receipt;
        }
    }

    private record SignedTransaction(String raw, String hash) {
    }

    private BigInteger estimateGas(String function, String from, Optional<String> to, String data) {
        Transaction simulation = to.isPresent()
                ? Transaction.createFunctionCallTransaction(from, null, null, null, to.get(), BigInteger.ZERO, data)
                : Transaction.createContractTransaction(from, null, null, data);
        EthEstimateGas estimate = retrying("estimate " + function, () -> web3j.ethEstimateGas(simulation).send());
        if (estimate.hasError()) {
            throw refusal(function, estimate.getError());
        }
        return estimate.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4))
                .add(BigInteger.valueOf(10_000));
    }

    private SignedTransaction sign(String function, Credentials account, Optional<String> to, String data, BigInteger gasLimit) {
        BigInteger nonce = check(retrying("read the nonce", () -> web3j.ethGetTransactionCount(account.getAddress(),
                DefaultBlockParameterName.PENDING).send()), "eth_getTransactionCount").getTransactionCount();
        Optional<BigInteger> baseFee = baseFee();
        RawTransaction tx;
        if (baseFee.isPresent()) {
            BigInteger tip = priorityFee();
            BigInteger maxFee = baseFee.get().multiply(BigInteger.TWO).add(tip);
            tx = RawTransaction.createTransaction(chainId, nonce, gasLimit, to.orElse(""), BigInteger.ZERO, data, tip, maxFee);
        } else {
            BigInteger gasPrice = check(retrying("read the gas price", () -> web3j.ethGasPrice().send()), "eth_gasPrice").getGasPrice();
            tx = RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to.orElse(""), BigInteger.ZERO, data);
        }
        byte[] signed = tx.getType().isLegacy()
                ? TransactionEncoder.signMessage(tx, chainId, account)
                : TransactionEncoder.signMessage(tx, account);
        SignedTransaction result = new SignedTransaction(Numeric.toHexString(signed), Hash.sha3(Numeric.toHexString(signed)));
        LOG.debug("Signed {} as {} with nonce {}", function, result.hash(), nonce);
        return result;
    }

    /**
     * Broadcasts one signed transaction until the node has it; its hash, or empty (null) if its nonce
     * was taken by another transaction of the account and it may be signed again.
     */
    private String broadcast(String function, SignedTransaction signed, boolean mayResign) {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= BROADCAST_ATTEMPTS; attempt++) {
            EthSendTransaction sent;
            try {
                sent = web3j.ethSendRawTransaction(signed.raw()).send();
            } catch (IOException e) {   // the node may have it: send the same bytes again
                LOG.debug("No answer sending {} ({}), sending the same transaction again: {}", function, signed.hash(), e.toString());
                lastFailure = e;
                pause(attempt);
                continue;
            }
            if (!sent.hasError()) {
                return signed.hash();
            }
            String message = String.valueOf(sent.getError().getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("already known") || message.contains("known transaction")) {
                return signed.hash();
            }
            if (message.contains("nonce too low") || message.contains("nonce") && message.contains("low")
                    || message.contains("replacement")) {
                if (isKnown(signed.hash())) {
                    return signed.hash();   // ours was mined (or is pending) before the answer reached us
                }
                if (mayResign) {
                    LOG.debug("Nonce of {} taken by another transaction of the account; signing again", function);
                    return null;
                }
            }
            throw refusal(function, sent.getError());
        }
        throw new RegistryUnavailableException("Cannot send " + function + ": the Ethereum node at " + rpcUrl
                + " did not answer (" + lastFailure.getMessage() + "). The transaction " + signed.hash()
                + " may still be mined: check it before sending again.", lastFailure);
    }

    private boolean isKnown(String hash) {
        return retrying("look up transaction " + hash, () -> web3j.ethGetTransactionByHash(hash).send())
                .getTransaction().isPresent();
    }

    private Optional<BigInteger> baseFee() {
        var block = check(retrying("read the newest block", () -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()),
                "eth_getBlockByNumber").getBlock();
        if (block == null || block.getBaseFeePerGasRaw() == null) {
            return Optional.empty();
        }
        return Optional.of(block.getBaseFeePerGas());
    }

    private BigInteger priorityFee() {
        var tip = retrying("read the priority fee", () -> web3j.ethMaxPriorityFeePerGas().send());
        return tip.hasError() ? BigInteger.valueOf(1_000_000_000L) : tip.getMaxPriorityFeePerGas();
    }

    private interface RpcCall<T> {
        T send() throws IOException;
    }

    /** A read that does not change anything, retried a few times when the node does not answer. */
    private <T> T retrying(String what, RpcCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.send();
            } catch (IOException e) {
                if (attempt >= BROADCAST_ATTEMPTS) {
                    throw unavailable(what, e);
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);   // backoff between attempts, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted while talking to the Ethereum node", e);
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

    private TransactionReceipt awaitReceipt(String function, String hash) {
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        long sleep = Math.min(50, pollingInterval.toMillis());
        while (true) {
            Optional<TransactionReceipt> receipt = Optional.empty();
            try {
                EthGetTransactionReceipt response = check(web3j.ethGetTransactionReceipt(hash).send(), "eth_getTransactionReceipt");
                receipt = response.getTransactionReceipt();
            } catch (IOException e) {   // keep the hash and ask again until the deadline
                LOG.debug("No answer asking for the receipt of {}: {}", hash, e.toString());
            }
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

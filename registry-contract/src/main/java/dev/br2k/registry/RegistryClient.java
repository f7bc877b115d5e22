package dev.br2k.registry;

import dev.br2k.registry.event.BackupAppended;
import dev.br2k.registry.event.ClaimSent;
import dev.br2k.registry.event.DetailsChanged;
import dev.br2k.registry.event.EventQuery;
import dev.br2k.registry.event.LocationChanged;
import dev.br2k.registry.event.RegistryEvent;
import dev.br2k.registry.event.ReplicaCountChanged;
import dev.br2k.registry.event.Subscription;
import dev.br2k.registry.internal.Chain;
import dev.br2k.registry.internal.ContractResources;
import dev.br2k.registry.internal.EventDecoder;
import dev.br2k.registry.internal.EventHistory;
import dev.br2k.registry.internal.EventPoller;
import dev.br2k.registry.internal.contract.ServiceRegistry;
import io.reactivex.BackpressureStrategy;
import io.reactivex.Flowable;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The BR2K service registry on an Ethereum chain: read services, change them, follow their events.
 *
 * <pre>{@code
 * try (RegistryClient registry = RegistryClient.connect(rpcUrl, registryAddress, credentials)) {
 *     ServiceId id = registry.register(ServiceRegistration.builder("infodid").replicas(3, 5).build()).id();
 *     registry.setLocation(id, "http://10.0.0.7:8080");
 *     try (Subscription s = registry.onNewLocation(id, e -> System.out.println(e.location()))) { ... }
 *     registry.servicesManagedBy(registry.account()).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Every method blocks until the node answered (writes: until the transaction is mined), so call
 * them off a UI thread. Writes are simulated first: a refusal by the contract throws a
 * {@link RegistryRevertException} subclass that names the contract's custom error and its arguments,
 * and costs no gas. Writes with no effect (setting the current value) succeed without an event, as
 * in ENS. Node failures throw {@link RegistryUnavailableException}. A client is safe to share
 * between threads; its writes are sent one at a time.
 *
 * <p>Event listeners run on the client's event thread, in chain order, every
 * {@link Builder#pollingInterval polling interval} (default 500 ms).
 */
public final class RegistryClient implements AutoCloseable {

    /** Default event and receipt polling interval (web3j's own default, 15 s, is far too slow for a local chain). */
    public static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofMillis(500);
    /** Default time to wait for a transaction to be mined. */
    public static final Duration DEFAULT_RECEIPT_TIMEOUT = Duration.ofMinutes(2);
    /** The longest claim reason the contract accepts, in UTF-8 bytes (the contract's {@code MAX_CLAIM_REASON_BYTES}). */
    public static final int MAX_CLAIM_REASON_BYTES = 280;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** keccak256 of the code a deployed registry holds: how a registry is recognised at an address. */
    private static final String RUNTIME_CODE_HASH = org.web3j.crypto.Hash.sha3("0x" + ContractResources.runtimeBinary());

    private final Chain chain;
    private final String registryAddress;
    private final ServiceRegistry contract;
    private final EventPoller poller;
    private final EventHistory history;
    private final Optional<RegistryReceipt> deployment;

    private RegistryClient(Chain chain, String registryAddress, Optional<RegistryReceipt> deployment) {
        this.chain = chain;
        this.registryAddress = registryAddress;
        this.deployment = deployment;
        String from = chain.account().orElse(Address.DEFAULT.toString());
        // The wrapper is used to encode calls and decode results; Chain sends them.
        this.contract = ServiceRegistry.load(registryAddress, chain.web3j(),
                new ReadonlyTransactionManager(chain.web3j(), from),
                new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
        this.poller = new EventPoller(chain, registryAddress, chain.pollingInterval());
        this.history = new EventHistory(chain, poller);
    }

    /** Connects with an account that signs transactions, at the default polling interval. */
    public static RegistryClient connect(String rpcUrl, String registryAddress, Credentials credentials) {
        return builder().rpcUrl(rpcUrl).registryAddress(registryAddress).credentials(credentials).build();
    }

    /** Connects without an account: reads and events only; writes throw {@link IllegalStateException}. */
    public static RegistryClient connectReadOnly(String rpcUrl, String registryAddress) {
        return builder().rpcUrl(rpcUrl).registryAddress(registryAddress).build();
    }

    /** Deploys a new registry with {@code deployer} and returns a client connected to it as {@code deployer}. */
    public static RegistryClient deploy(String rpcUrl, Credentials deployer) {
        return builder().rpcUrl(rpcUrl).credentials(deployer).deploy();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ about this client

    /** The registry contract's address. */
    public String registryAddress() {
        return registryAddress;
    }

    /**
     * The account this client signs with ({@code 0x}, lower case).
     *
     * @throws IllegalStateException if the client was connected without an account
     */
    public String account() {
        return chain.account().map(EventDecoder::address).orElseThrow(() ->
                new IllegalStateException("This registry client was connected without an account."));
    }

    public long chainId() {
        return chain.chainId();
    }

    /** The deployment transaction, if this client deployed the registry ({@link #deploy}). */
    public Optional<RegistryReceipt> deployment() {
        return deployment;
    }

    /** The newest block number. */
    public long blockNumber() {
        return chain.blockNumber();
    }

    /**
     * When block {@code block} was mined, e.g. to show when the last backup was made
     * ({@link ServiceInfo#lastBackupBlock()}); empty if the node does not have the block.
     */
    public Optional<java.time.Instant> blockTimestamp(long block) {
        return chain.blockTimestamp(block);
    }

    // ------------------------------------------------------------------ reads

    /** True if a service is registered under {@code id}. */
    public boolean isRegistered(ServiceId id) {
        return (Boolean) callSingle("isRegistered", contract.isRegistered(id.toBytes()), latest());
    }

    /**
     * Where the service is served now (the contract's {@code getServiceLocation}); empty until a
     * leader has published it.
     *
     * @throws ServiceNotFoundException if no such service is registered
     */
    public String serviceLocation(ServiceId id) {
        return (String) callSingle("getServiceLocation", contract.getServiceLocation(id.toBytes()), latest());
    }

    /** The leader term of the stored location ({@link LocationTerm#NONE} until a leader published or after {@link #setLocation}). */
    public LocationTerm locationTerm(ServiceId id) {
        List<Type> t = call("getLocationTerm", contract.getLocationTerm(id.toBytes()), latest());
        return new LocationTerm(uint(t.get(0)).longValue(), uint(t.get(1)).longValueExact(), uint(t.get(2)).longValueExact());
    }

    /**
     * Everything about a service, read at one block.
     *
     * @throws ServiceNotFoundException if no such service is registered
     */
    public ServiceInfo service(ServiceId id) {
        long block = latest();
        List<Type> s = call("getService", contract.getService(id.toBytes()), block);
        long detailsBlock = uint(s.get(7)).longValueExact();
        List<RegistryEvent> details = history.eventsInBlock(id, DetailsChanged.class, detailsBlock);
        return serviceInfo(id, s, details, operators(id, block), block);
    }

    /** A {@link ServiceInfo} from {@code getService}'s answer, the details events of its details block and its operators. */
    private static ServiceInfo serviceInfo(ServiceId id, List<Type> s, List<RegistryEvent> detailsEvents, List<String> operators, long block) {
        long detailsBlock = uint(s.get(7)).longValueExact();
        ServiceDetails details = detailsEvents.stream().reduce((first, second) -> second)
                .map(e -> ((DetailsChanged) e).details())
                .orElseThrow(() -> new RegistryException("The details of service " + id + " are not in block " + detailsBlock
                        + " where the registry says they are; is the node fully synced (or pruned logs)?"));
        String pending = EventDecoder.address((String) s.get(1).getValue());
        return new ServiceInfo(id, details,
                (String) s.get(10).getValue(),
                EventDecoder.address((String) s.get(0).getValue()),
                EventDecoder.isZero(pending) ? Optional.empty() : Optional.of(pending),
                EventDecoder.address((String) s.get(2).getValue()),
                RunState.fromCode(uint(s.get(3)).intValueExact()),
                uint(s.get(4)).intValueExact(),
                uint(s.get(5)).intValueExact(),
                operators,
                uint(s.get(6)).longValueExact(),
                optionalBlock(uint(s.get(8))),
                optionalBlock(uint(s.get(9))),
                block);
    }

    /** {@link #service} if registered. */
    public Optional<ServiceInfo> findService(ServiceId id) {
        try {
            return Optional.of(service(id));
        } catch (ServiceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The ids of the services {@code account} manages, in no particular order. */
    public List<ServiceId> managedBy(String account) {
        return managedBy(account, latest());
    }

    private List<ServiceId> managedBy(String account, long block) {
        List<Type> result = call("servicesOf", contract.servicesOf(account), block);
        List<ServiceId> ids = new ArrayList<>();
        for (Object element : (List<?>) result.get(0).getValue()) {
            ids.add(ServiceId.fromBytes((byte[]) ((Type<?>) element).getValue()));
        }
        return List.copyOf(ids);
    }

    /**
     * {@link #service} of every service {@code account} manages, sorted by name, all read at one
     * block. The reads go as JSON-RPC batches (services, then operators, then each one's details
     * event), so 1,000 services cost a handful of round trips instead of four per service.
     */
    public List<ServiceInfo> servicesManagedBy(String account) {
        long block = latest();
        List<ServiceId> ids = managedBy(account, block);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<RemoteFunctionCall<?>> getService = ids.stream().<RemoteFunctionCall<?>>map(id -> contract.getService(id.toBytes())).toList();
        List<RemoteFunctionCall<?>> operatorsOf = ids.stream().<RemoteFunctionCall<?>>map(id -> contract.operatorsOf(id.toBytes())).toList();
        List<List<Type>> services = callAll("getService", getService, block);
        List<List<Type>> operators = callAll("operatorsOf", operatorsOf, block);
        List<EthFilter> detailsFilters = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long detailsBlock = uint(services.get(i).get(7)).longValueExact();
            detailsFilters.add(history.filter(ids.get(i), DetailsChanged.class, detailsBlock));
        }
        List<List<RegistryEvent>> details = history.eventsAll(ids, DetailsChanged.class, chain.logsAll(detailsFilters));
        List<ServiceInfo> infos = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            infos.add(serviceInfo(ids.get(i), services.get(i), details.get(i), addresses(operators.get(i)), block));
        }
        infos.sort(Comparator.comparing(ServiceInfo::name));
        return List.copyOf(infos);
    }

    /** The accounts the manager approved as operators of the service. */
    public List<String> operators(ServiceId id) {
        return operators(id, latest());
    }

    public boolean isOperator(ServiceId id, String account) {
        return (Boolean) callSingle("isOperator", contract.isOperator(id.toBytes(), account), latest());
    }

    /** The newest backup record of the service, if it has one. */
    public Optional<BackupAppended> latestBackup(ServiceId id) {
        ServiceInfo info = service(id);
        if (info.lastBackupBlock().isEmpty()) {
            return Optional.empty();
        }
        return history.newestInBlock(id, BackupAppended.class, info.lastBackupBlock().getAsLong()).map(BackupAppended.class::cast);
    }

    /**
     * The service's backup records, newest first, at most {@code limit}; found by following each
     * record's {@code previousChange} block, so the cost grows with {@code limit}, not the chain.
     */
    public List<BackupAppended> backups(ServiceId id, int limit) {
        return history.walkBack(id, BackupAppended.class, service(id).lastBackupBlock(), limit).stream()
                .map(BackupAppended.class::cast).toList();
    }

    /** Claims sent about the service, newest first, at most {@code limit}. */
    public List<ClaimSent> claims(ServiceId id, int limit) {
        return history.walkBack(id, ClaimSent.class, service(id).lastClaimBlock(), limit).stream()
                .map(ClaimSent.class::cast).toList();
    }

    /** Every version of the service's details, newest first, at most {@code limit}. */
    public List<DetailsChanged> detailsHistory(ServiceId id, int limit) {
        List<Type> s = call("getService", contract.getService(id.toBytes()), latest());
        return history.walkBack(id, DetailsChanged.class, optionalBlock(uint(s.get(7))), limit).stream()
                .map(DetailsChanged.class::cast).toList();
    }

    // ------------------------------------------------------------------ writes

    /**
     * Registers a service; this client's account becomes its deployer and manager. Two transactions,
     * as the contract requires (commit–reveal, so nobody who sees the name on its way can take it
     * first): {@link #commitRegistration}, then, once that is mined, {@link #revealRegistration}.
     * The returned receipt is the second one's.
     *
     * @throws ServiceAlreadyRegisteredException if the name is taken (checked before anything is sent)
     */
    public Registered register(ServiceRegistration registration) {
        try {   // the contract checks the name and counts before the commitment: report them before committing
            chain.call("register", registryAddress, registerCall(registration, new byte[32]).encodeFunctionCall(), latest());
        } catch (RegistryRevertException e) {
            if (!e.errorName().equals("CommitmentNotFound")) {
                throw e;
            }
        }
        return revealRegistration(registration, commitRegistration(registration));
    }

    /**
     * The first step of {@link #register}: publishes a commitment to the name, this account and a
     * fresh random secret. Reveal it with {@link #revealRegistration} at least one block later and within
     * a day ({@code MAX_COMMITMENT_AGE}).
     */
    public RegistrationCommitment commitRegistration(ServiceRegistration registration) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String owner = account();
        byte[] commitment = (byte[]) callSingle("makeCommitment",
                contract.makeCommitment(registration.details().name(), owner, secret), latest());
        RegistryReceipt receipt = receipt("commit", contract.commit(commitment));
        return new RegistrationCommitment(registration.id(), owner, org.web3j.utils.Numeric.toHexString(secret),
                org.web3j.utils.Numeric.toHexString(commitment), receipt);
    }

    /**
     * The second step of {@link #register}: registers the service, revealing {@code commitment}
     * (made by this account, at least one block ago).
     *
     * @throws RegistryRevertException {@code CommitmentNotFound} (not committed by this account),
     *                                 {@code CommitmentTooNew}, {@code CommitmentExpired}
     */
    public Registered revealRegistration(ServiceRegistration registration, RegistrationCommitment commitment) {
        Objects.requireNonNull(commitment, "commitment");
        if (!commitment.id().equals(registration.id())) {
            throw new IllegalArgumentException("The commitment is for service " + commitment.id() + ", not " + registration.details().name());
        }
        TransactionReceipt receipt = send("register",
                registerCall(registration, org.web3j.utils.Numeric.hexStringToByteArray(commitment.secret())));
        return new Registered(registration.id(), Chain.toReceipt(receipt));
    }

    private RemoteFunctionCall<TransactionReceipt> registerCall(ServiceRegistration registration, byte[] secret) {
        ServiceDetails d = registration.details();
        return contract.register(d.name(), d.description(), registration.location(),
                BigInteger.valueOf(registration.replicaCount()), BigInteger.valueOf(registration.maxReplicas()),
                d.contextHash(), d.contextPointer(), d.imageLocation(), d.imageCredentials(), secret);
    }

    /**
     * Gives the service's name up (manager only): the registry forgets the service (its events stay
     * on the chain) and anyone may register the name again, with no operators.
     */
    public RegistryReceipt release(ServiceId id) {
        return receipt("release", contract.release(id.toBytes()));
    }

    /** Replaces the service's details (manager only); the service is the one named {@code details.name()}. */
    public RegistryReceipt setDetails(ServiceDetails details) {
        return receipt("setDetails", contract.setDetails(details.name(), details.description(), details.contextHash(),
                details.contextPointer(), details.imageLocation(), details.imageCredentials()));
    }

    /**
     * Publishes where the service is served now, as the leader that took over in {@code term}
     * (manager or operator; what replicas call). Emits {@code NewLocation} when the location changes;
     * the term is stored either way. A term of another etcd cluster than the stored one is always
     * accepted (a new deployment of the service).
     *
     * @throws StaleLocationTermException if the stored term is of the same etcd cluster and not strictly
     *         earlier: a newer leader already published (simulated first, so the refusal costs nothing
     *         and changes nothing)
     */
    public RegistryReceipt updateLocation(ServiceId id, String location, LocationTerm term) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(term, "term");
        return receipt("updateLocation", contract.updateLocation(id.toBytes(), location,
                new BigInteger(Long.toUnsignedString(term.clusterId())), BigInteger.valueOf(term.etcdTerm()),
                BigInteger.valueOf(term.revision())));
    }

    /**
     * The manager's own choice of location (e.g. from the CLI or the Watch): bound to no leader term,
     * it resets the stored term to {@link LocationTerm#NONE}, so that the next leader of any cluster
     * may publish. Emits
     * {@code NewLocation} when the location changes.
     */
    public RegistryReceipt setLocation(ServiceId id, String location) {
        Objects.requireNonNull(location, "location");
        return receipt("setLocation", contract.setLocation(id.toBytes(), location));
    }

    /** Reports the run state (manager or operator). */
    public RegistryReceipt setRunState(ServiceId id, RunState state) {
        return receipt("setRunState", contract.setRunState(id.toBytes(), BigInteger.valueOf(state.code())));
    }

    /**
     * Sets how many replicas should run (manager only).
     *
     * @throws ReplicaCountOutOfRangeException if outside [1, maximum]
     */
    public RegistryReceipt setReplicaCount(ServiceId id, int replicaCount) {
        requireUint16("replicaCount", replicaCount);
        return receipt("setReplicaCount", contract.setReplicaCount(id.toBytes(), BigInteger.valueOf(replicaCount)));
    }

    /**
     * Simulates {@link #setReplicaCount} ({@code eth_call} from this client's account at the newest
     * block): sends nothing and spends no gas. Returns normally when the transaction would succeed now.
     *
     * @throws RegistryRevertException (e.g. {@link RegistryAccessDeniedException},
     *         {@link ReplicaCountOutOfRangeException}) with the contract's reason when it would revert
     */
    public void dryRunSetReplicaCount(ServiceId id, int replicaCount) {
        requireUint16("replicaCount", replicaCount);
        dryRun("setReplicaCount", contract.setReplicaCount(id.toBytes(), BigInteger.valueOf(replicaCount)));
    }

    /** Simulates {@link #setRunState} as {@link #dryRunSetReplicaCount} does; sends nothing. */
    public void dryRunSetRunState(ServiceId id, RunState state) {
        dryRun("setRunState", contract.setRunState(id.toBytes(), BigInteger.valueOf(state.code())));
    }

    /**
     * Sets the maximum number of replicas (manager only).
     *
     * @throws ReplicaCountOutOfRangeException if below the current replica count
     */
    public RegistryReceipt setMaxReplicas(ServiceId id, int maxReplicas) {
        requireUint16("maxReplicas", maxReplicas);
        return receipt("setMaxReplicas", contract.setMaxReplicas(id.toBytes(), BigInteger.valueOf(maxReplicas)));
    }

    /**
     * Appends a backup record (manager or operator). Pass it encrypted to the service account's key
     * ({@link dev.br2k.registry.crypto.Ecies#encrypt}): everything on a chain is public.
     */
    public RegistryReceipt appendBackupLog(ServiceId id, byte[] encryptedRecord) {
        Objects.requireNonNull(encryptedRecord, "encryptedRecord");
        return receipt("appendBackupLog", contract.appendBackupLog(id.toBytes(), encryptedRecord));
    }

    /** Asks the manager to recover the service (anyone). */
    public RegistryReceipt sendClaim(ServiceId id, String reason) {
        Objects.requireNonNull(reason, "reason");
        return receipt("sendClaim", contract.sendClaim(id.toBytes(), reason));
    }

    /** Approves or revokes an operator (manager only). */
    public RegistryReceipt setOperator(ServiceId id, String operator, boolean approved) {
        Objects.requireNonNull(operator, "operator");
        return receipt("setOperator", contract.setOperator(id.toBytes(), operator, approved));
    }

    /** Proposes {@code newManager}; it becomes manager when it calls {@link #acceptManager} (manager only). */
    public RegistryReceipt transferManager(ServiceId id, String newManager) {
        Objects.requireNonNull(newManager, "newManager");
        return receipt("transferManager", contract.transferManager(id.toBytes(), newManager));
    }

    /** Withdraws a proposed manager transfer (manager only). */
    public RegistryReceipt cancelManagerTransfer(ServiceId id) {
        return receipt("transferManager", contract.transferManager(id.toBytes(), Address.DEFAULT.toString()));
    }

    /** Accepts a manager transfer proposed to this client's account. */
    public RegistryReceipt acceptManager(ServiceId id) {
        return receipt("acceptManager", contract.acceptManager(id.toBytes()));
    }

    // ------------------------------------------------------------------ events

    /**
     * Delivers the events {@code query} asks for to {@code listener}, on the client's event thread,
     * in chain order, until the subscription or the client is closed. A listener that throws is logged
     * and keeps receiving events.
     */
    public Subscription subscribe(EventQuery query, Consumer<? super RegistryEvent> listener) {
        return poller.subscribe(query, listener);
    }

    /**
     * The events {@code query} asks for that are already on the chain, from its
     * {@link EventQuery#fromBlock() fromBlock} (default 0) to {@code toBlock}, in chain order. Read in
     * ranges of at most 2,000 blocks; for long histories prefer the {@code previousChange}-based
     * readers ({@link #backups}, {@link #claims}, {@link #detailsHistory}).
     */
    public List<RegistryEvent> pastEvents(EventQuery query, long toBlock) {
        return poller.read(query, query.fromBlock().orElse(0), toBlock);
    }

    /** The events {@code query} asks for as a {@link Flowable}; cancelling it closes the subscription. */
    public Flowable<RegistryEvent> events(EventQuery query) {
        return Flowable.create(emitter -> {
            Subscription s = subscribe(query, emitter::onNext);
            emitter.setCancellable(s::close);
        }, BackpressureStrategy.BUFFER);
    }

    /** {@code NewLocation} events of one service, from the next block on. */
    public Subscription onNewLocation(ServiceId id, Consumer<? super LocationChanged> listener) {
        return on(id, LocationChanged.class, listener);
    }

    /** {@code Claim} events of one service, from the next block on. */
    public Subscription onClaim(ServiceId id, Consumer<? super ClaimSent> listener) {
        return on(id, ClaimSent.class, listener);
    }

    /** {@code ReplicaCount} events of one service, from the next block on. */
    public Subscription onReplicaCount(ServiceId id, Consumer<? super ReplicaCountChanged> listener) {
        return on(id, ReplicaCountChanged.class, listener);
    }

    /** {@code Backup} events of one service, from the next block on. */
    public Subscription onBackup(ServiceId id, Consumer<? super BackupAppended> listener) {
        return on(id, BackupAppended.class, listener);
    }

    /** Stops every subscription and releases the connection. */
    @Override
    public void close() {
        poller.close();
        chain.close();
    }

    // ------------------------------------------------------------------ internals

    private <E extends RegistryEvent> Subscription on(ServiceId id, Class<E> kind, Consumer<? super E> listener) {
        Objects.requireNonNull(listener, "listener");
        return subscribe(EventQuery.builder().service(id).kinds(kind).build(), e -> listener.accept(kind.cast(e)));
    }

    private long latest() {
        return chain.blockNumber();
    }

    private List<String> operators(ServiceId id, long block) {
        return addresses(call("operatorsOf", contract.operatorsOf(id.toBytes()), block));
    }

    private static List<String> addresses(List<Type> result) {
        List<String> addresses = new ArrayList<>();
        for (Object element : (List<?>) result.get(0).getValue()) {
            addresses.add(EventDecoder.address(((Address) element).getValue()));
        }
        return List.copyOf(addresses);
    }

    private List<Type> call(String function, RemoteFunctionCall<?> call, long block) {
        return call.decodeFunctionResponse(chain.call(function, registryAddress, call.encodeFunctionCall(), block));
    }

    /** The same function called with different arguments at one block, as batches; the decoded answers in order. */
    private List<List<Type>> callAll(String function, List<RemoteFunctionCall<?>> calls, long block) {
        List<String> answers = chain.callAll(function, registryAddress, calls.stream().map(RemoteFunctionCall::encodeFunctionCall).toList(), block);
        List<List<Type>> decoded = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            decoded.add(calls.get(i).decodeFunctionResponse(answers.get(i)));
        }
        return decoded;
    }

    private Object callSingle(String function, RemoteFunctionCall<?> call, long block) {
        return call(function, call, block).get(0).getValue();
    }

    private void dryRun(String function, RemoteFunctionCall<?> call) {
        account(); // a simulation without an account would not be the caller's
        chain.call(function, registryAddress, call.encodeFunctionCall(), latest());
    }

    private TransactionReceipt send(String function, RemoteFunctionCall<?> call) {
        return chain.send(function, Optional.of(registryAddress), call.encodeFunctionCall());
    }

    private RegistryReceipt receipt(String function, RemoteFunctionCall<?> call) {
        return Chain.toReceipt(send(function, call));
    }

    private static BigInteger uint(Type<?> value) {
        return (BigInteger) value.getValue();
    }

    private static OptionalLong optionalBlock(BigInteger block) {
        return block.signum() == 0 ? OptionalLong.empty() : OptionalLong.of(block.longValueExact());
    }

    private static void requireUint16(String name, int value) {
        if (value < 0 || value > ServiceRegistration.MAX_REPLICAS_LIMIT) {
            throw new IllegalArgumentException(name + " must be in [0, " + ServiceRegistration.MAX_REPLICAS_LIMIT + "], was " + value);
        }
    }

    /** Options for a {@link RegistryClient}; checked when set. */
    public static final class Builder {
        private String rpcUrl;
        private String registryAddress;
        private Credentials credentials;
        private Duration pollingInterval = DEFAULT_POLLING_INTERVAL;
        private Duration receiptTimeout = DEFAULT_RECEIPT_TIMEOUT;
        private OptionalLong expectedChainId = OptionalLong.empty();

        private Builder() {
        }

        /**
         * The chain the registry lives on (e.g. kept in a profile or context since the registry was
         * recorded); connecting to a node of another chain throws {@link ChainMismatchException}.
         */
        public Builder chainId(long chainId) {
            if (chainId <= 0) {
                throw new IllegalArgumentException("chainId must be positive, was " + chainId);
            }
            this.expectedChainId = OptionalLong.of(chainId);
            return this;
        }

        /** The node's JSON-RPC URL, e.g. {@code http://127.0.0.1:8545}. */
        public Builder rpcUrl(String rpcUrl) {
            Objects.requireNonNull(rpcUrl, "rpcUrl");
            if (!rpcUrl.startsWith("http://") && !rpcUrl.startsWith("https://")) {
                throw new IllegalArgumentException("rpcUrl must be an http:// or https:// URL, was '" + rpcUrl + "'");
            }
            this.rpcUrl = rpcUrl;
            return this;
        }

        /** The registry contract's address. */
        public Builder registryAddress(String registryAddress) {
            Objects.requireNonNull(registryAddress, "registryAddress");
            if (!registryAddress.matches("0x[0-9a-fA-F]{40}")) {
                throw new IllegalArgumentException("registryAddress must be 0x and 40 hex digits, was '" + registryAddress + "'");
            }
            this.registryAddress = registryAddress.toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        /** The account that signs transactions; without one the client only reads. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** How often events and receipts are polled (default 500 ms; at least 10 ms). */
        public Builder pollingInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.toMillis() < 10) {
                throw new IllegalArgumentException("pollingInterval must be at least 10 ms, was " + interval);
            }
            this.pollingInterval = interval;
            return this;
        }

        /** How long a write waits for its transaction to be mined (default 2 minutes). */
        public Builder receiptTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("receiptTimeout must be positive, was " + timeout);
            }
            this.receiptTimeout = timeout;
            return this;
        }

        /**
         * Connects to the registry at {@link #registryAddress}.
         *
         * @throws RegistryUnavailableException if the node does not answer
         * @throws NotARegistryException        if the address holds no BR2K service registry
         * @throws ChainMismatchException       if {@link #chainId} was given and the node serves another chain
         */
        public RegistryClient build() {
            if (registryAddress == null) {
                throw new IllegalStateException("registryAddress is required (or call deploy())");
            }
            Chain chain = chain();
            try {
                String code = chain.code(registryAddress);
                if (code.isEmpty()) {
                    throw new NotARegistryException("There is no contract at " + registryAddress + " on chain " + chain.chainId()
                            + " (" + rpcUrl + "), so this is not a BR2K service registry: check the registry address and the RPC URL.");
                }
                if (!org.web3j.crypto.Hash.sha3(code).equals(RUNTIME_CODE_HASH)) {
                    throw new NotARegistryException("The contract at " + registryAddress + " on chain " + chain.chainId()
                            + " (" + rpcUrl + ") is not a BR2K service registry (its code is not the ServiceRegistry this client"
                            + " was built with): check the registry address, or deploy a registry and use its address.");
                }
                return new RegistryClient(chain, registryAddress, Optional.empty());
            } catch (RuntimeException e) {
                chain.close();
                throw e;
            }
        }

        /** Deploys a new registry with the {@link #credentials} account and connects to it. */
        public RegistryClient deploy() {
            if (credentials == null) {
                throw new IllegalStateException("credentials are required to deploy a registry");
            }
            Chain chain = chain();
            try {
                TransactionReceipt receipt = chain.send("deploy", Optional.empty(), "0x" + ContractResources.binary());
                String address = receipt.getContractAddress();
                if (address == null) {
                    throw new RegistryTransactionException("The deployment " + receipt.getTransactionHash()
                            + " was mined but created no contract.", receipt.getTransactionHash());
                }
                return new RegistryClient(chain, address.toLowerCase(java.util.Locale.ROOT), Optional.of(Chain.toReceipt(receipt)));
            } catch (RuntimeException e) {
                chain.close();
                throw e;
            }
        }

        private Chain chain() {
            if (rpcUrl == null) {
                throw new IllegalStateException("rpcUrl is required");
            }
            Chain chain = Chain.connect(rpcUrl, Optional.ofNullable(credentials), pollingInterval, receiptTimeout);
            if (expectedChainId.isPresent() && expectedChainId.getAsLong() != chain.chainId()) {
                chain.close();
                throw new ChainMismatchException("The node at " + rpcUrl + " serves chain " + chain.chainId()
                        + ", but the registry was recorded on chain " + expectedChainId.getAsLong()
                        + ": check the RPC URL, or record the registry again if that chain was re-created.",
                        expectedChainId.getAsLong(), chain.chainId());
            }
            return chain;
        }
    }
}

package dev.br2k.watch.testing;

import dev.br2k.operations.ChainRegistry;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceDetails;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import dev.br2k.registry.event.EventQuery;
import dev.br2k.registry.event.RegistryEvent;
import dev.br2k.registry.event.Subscription;
import dev.br2k.watch.backend.RegistryGateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An in-memory registry for ViewModel tests: services, replica-count writes, events pushed by the test. */
public final class FakeRegistry implements RegistryGateway, ChainRegistry {

    public static final String ACCOUNT = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    private final Map<ServiceId, ServiceInfo> services = new LinkedHashMap<>();
    private volatile long chainId = 31337;
    private final List<Consumer<RegistryEvent>> listeners = new CopyOnWriteArrayList<>();
    public final List<String> calls;
    public RuntimeException failSetReplicaCount;
    public RuntimeException failDryRun;

    public FakeRegistry() {
        this(new CopyOnWriteArrayList<>());
    }

    /** Records its writes into {@code calls}, e.g. a list shared with a {@link FakeCluster} to check their order. */
    public FakeRegistry(List<String> calls) {
        this.calls = calls;
    }

    public static ServiceInfo info(String name, int replicas, int max, String location) {
        return new ServiceInfo(ServiceId.ofName(name), ServiceDetails.builder(name).description(name + " service").build(),
                location, ACCOUNT, Optional.empty(), ACCOUNT, RunState.RUNNING, replicas, max, List.of(), 0,
                OptionalLong.empty(), OptionalLong.empty(), 1);
    }

    public FakeRegistry with(ServiceInfo info) {
        services.put(info.id(), info);
        return this;
    }

    public void emit(RegistryEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    @Override
    public String account() {
        return ACCOUNT;
    }

    @Override
    public String rpcUrl() {
        return "http://127.0.0.1:8545";
    }

    /** How often the account's services were read in full (a dashboard reload). */
    public final java.util.concurrent.atomic.AtomicInteger managedServicesReads = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public synchronized List<ServiceInfo> managedServices() {
        managedServicesReads.incrementAndGet();
        List<ServiceInfo> all = new ArrayList<>(services.values());
        all.sort(Comparator.comparing(ServiceInfo::name));
        return all;
    }

    @Override
    public synchronized ServiceInfo service(ServiceId id) {
        return services.get(id);
    }

    @Override
    public synchronized RegistryReceipt setReplicaCount(ServiceId id, int replicas) {
        calls.add("registry setReplicaCount " + replicas);
        if (failSetReplicaCount != null) {
            throw failSetReplicaCount;
        }
        ServiceInfo i = services.get(id);
        services.put(id, new ServiceInfo(i.id(), i.details(), i.location(), i.manager(), i.pendingManager(), i.deployer(),
                i.runState(), replicas, i.maxReplicas(), i.operators(), i.backupCount(), i.lastBackupBlock(),
                i.lastClaimBlock(), i.readAtBlock() + 1));
        return new RegistryReceipt("0x01", 7, 21000);
    }

    @Override
    public ChainRegistry chain() {
        return this;
    }

    @Override
    public Optional<String> signer() {
        return Optional.of(ACCOUNT);
    }

    @Override
    public long chainId() {
        return chainId;
    }

    /** The chain id the fake node reports (31337, anvil's, unless changed). */
    public FakeRegistry onChain(long id) {
        this.chainId = id;
        return this;
    }

    @Override
    public synchronized Optional<ServiceInfo> findService(ServiceId id) {
        return Optional.ofNullable(services.get(id));
    }

    @Override
    public synchronized void dryRunSetRunState(ServiceId id, RunState state) {
        calls.add("registry dry run setRunState " + state);
        if (failDryRun != null) {
            throw failDryRun;
        }
    }

    @Override
    public synchronized RegistryReceipt setRunState(ServiceId id, RunState state) {
        calls.add("registry setRunState " + state);
        ServiceInfo i = services.get(id);
        services.put(id, new ServiceInfo(i.id(), i.details(), i.location(), i.manager(), i.pendingManager(), i.deployer(),
                state, i.replicaCount(), i.maxReplicas(), i.operators(), i.backupCount(), i.lastBackupBlock(),
                i.lastClaimBlock(), i.readAtBlock() + 1));
        return new RegistryReceipt("0x02", 8, 21000);
    }

    @Override
    public synchronized void dryRunSetReplicaCount(ServiceId id, int replicas) {
        calls.add("registry dry run setReplicaCount " + replicas);
        if (failDryRun != null) {
            throw failDryRun;
        }
    }

    @Override
    public Subscription subscribe(EventQuery query, Consumer<RegistryEvent> listener) {
        listeners.add(listener);
        return new Subscription() {
            @Override
            public void close() {
                listeners.remove(listener);
            }

            @Override
            public boolean isActive() {
                return listeners.contains(listener);
            }
        };
    }

    @Override
    public void close() {
        listeners.clear();
    }
}

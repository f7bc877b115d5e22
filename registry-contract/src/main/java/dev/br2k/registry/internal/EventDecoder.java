package dev.br2k.registry.internal;

import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceDetails;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.event.BackupAppended;
import dev.br2k.registry.event.ClaimSent;
import dev.br2k.registry.event.DetailsChanged;
import dev.br2k.registry.event.LocationChanged;
import dev.br2k.registry.event.LogPosition;
import dev.br2k.registry.event.ManagerChanged;
import dev.br2k.registry.event.ManagerTransferStarted;
import dev.br2k.registry.event.OperatorChanged;
import dev.br2k.registry.event.RegistryEvent;
import dev.br2k.registry.event.ReplicaCountChanged;
import dev.br2k.registry.event.RunStateChanged;
import dev.br2k.registry.event.ServiceRegistered;
import dev.br2k.registry.internal.contract.ServiceRegistry;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** Decodes the registry's logs into {@link RegistryEvent} records, with the generated wrapper's decoders. */
public final class EventDecoder {

    private record Kind(Class<? extends RegistryEvent> type, Event event, Function<Log, RegistryEvent> decoder) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(ServiceRegistered.class, ServiceRegistry.SERVICEREGISTERED_EVENT, EventDecoder::registered),
            new Kind(DetailsChanged.class, ServiceRegistry.DETAILSCHANGED_EVENT, EventDecoder::details),
            new Kind(LocationChanged.class, ServiceRegistry.NEWLOCATION_EVENT, EventDecoder::location),
            new Kind(RunStateChanged.class, ServiceRegistry.RUNSTATECHANGED_EVENT, EventDecoder::runState),
            new Kind(ReplicaCountChanged.class, ServiceRegistry.REPLICACOUNT_EVENT, EventDecoder::replicaCount),
            new Kind(BackupAppended.class, ServiceRegistry.BACKUP_EVENT, EventDecoder::backup),
            new Kind(ClaimSent.class, ServiceRegistry.CLAIM_EVENT, EventDecoder::claim),
            new Kind(OperatorChanged.class, ServiceRegistry.OPERATORCHANGED_EVENT, EventDecoder::operator),
            new Kind(ManagerTransferStarted.class, ServiceRegistry.MANAGERTRANSFERSTARTED_EVENT, EventDecoder::transferStarted),
            new Kind(ManagerChanged.class, ServiceRegistry.MANAGERCHANGED_EVENT, EventDecoder::managerChanged));

    private static final Map<String, Kind> BY_TOPIC = KINDS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(k -> EventEncoder.encode(k.event()), k -> k));
    private static final Map<Class<? extends RegistryEvent>, String> TOPIC_BY_TYPE = KINDS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Kind::type, k -> EventEncoder.encode(k.event())));

    private EventDecoder() {
    }

    /** The event for a registry log; empty for a log this client does not know. */
    public static Optional<RegistryEvent> decode(Log log) {
        if (log.getTopics() == null || log.getTopics().isEmpty() || log.isRemoved()) {
            return Optional.empty();
        }
        Kind kind = BY_TOPIC.get(log.getTopics().get(0));
        return kind == null ? Optional.empty() : Optional.of(kind.decoder().apply(log));
    }

    /** The topic0 (event signature hash) of an event type. */
    public static String topic(Class<? extends RegistryEvent> type) {
        String topic = TOPIC_BY_TYPE.get(type);
        if (topic == null) {
            throw new IllegalArgumentException("Not a registry event type: " + type.getName());
        }
        return topic;
    }

    /** Every event type's topic0. */
    public static List<String> allTopics() {
        return KINDS.stream().map(k -> EventEncoder.encode(k.event())).toList();
    }

    private static RegistryEvent registered(Log log) {
        var e = ServiceRegistry.getServiceRegisteredEventFromLog(log);
        return new ServiceRegistered(id(e.id), e.name, address(e.deployer), e.replicaCount.intValueExact(),
                e.maxReplicas.intValueExact(), position(log));
    }

    private static RegistryEvent details(Log log) {
        var e = ServiceRegistry.getDetailsChangedEventFromLog(log);
        return new DetailsChanged(id(e.id), new ServiceDetails(e.name, e.description, e.contextHash, e.contextPointer,
                e.imageLocation, e.imageCredentials), block(e.previousChange), position(log));
    }

    private static RegistryEvent location(Log log) {
        var e = ServiceRegistry.getNewLocationEventFromLog(log);
        return new LocationChanged(id(e.id), e.location, address(e.by), position(log));
    }

    private static RegistryEvent runState(Log log) {
        var e = ServiceRegistry.getRunStateChangedEventFromLog(log);
        return new RunStateChanged(id(e.id), RunState.fromCode(e.state.intValueExact()), address(e.by), position(log));
    }

    private static RegistryEvent replicaCount(Log log) {
        var e = ServiceRegistry.getReplicaCountEventFromLog(log);
        return new ReplicaCountChanged(id(e.id), e.replicaCount.intValueExact(), e.maxReplicas.intValueExact(), position(log));
    }

    private static RegistryEvent backup(Log log) {
        var e = ServiceRegistry.getBackupEventFromLog(log);
        return new BackupAppended(id(e.id), e.sequence.longValueExact(), e.record, address(e.by), block(e.previousChange),
                position(log));
    }

    private static RegistryEvent claim(Log log) {
        var e = ServiceRegistry.getClaimEventFromLog(log);
        return new ClaimSent(id(e.id), address(e.claimant), e.reason, block(e.previousChange), position(log));
    }

    private static RegistryEvent operator(Log log) {
        var e = ServiceRegistry.getOperatorChangedEventFromLog(log);
        return new OperatorChanged(id(e.id), address(e.operator), e.approved, position(log));
    }

    private static RegistryEvent transferStarted(Log log) {
        var e = ServiceRegistry.getManagerTransferStartedEventFromLog(log);
        String pending = address(e.pendingManager);
        return new ManagerTransferStarted(id(e.id), address(e.manager),
                isZero(pending) ? Optional.empty() : Optional.of(pending), position(log));
    }

    private static RegistryEvent managerChanged(Log log) {
        var e = ServiceRegistry.getManagerChangedEventFromLog(log);
        return new ManagerChanged(id(e.id), address(e.previousManager), address(e.newManager), position(log));
    }

    static ServiceId id(byte[] bytes) {
        return ServiceId.fromBytes(bytes);
    }

    /** Addresses as this client reports them: {@code 0x} and 40 lower-case hex digits. */
    public static String address(String address) {
        return new Address(address).toString().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isZero(String address) {
        return new Address(address).toUint().getValue().signum() == 0;
    }

    static OptionalLong block(BigInteger block) {
        return block.signum() == 0 ? OptionalLong.empty() : OptionalLong.of(block.longValueExact());
    }

    static LogPosition position(Log log) {
        return new LogPosition(log.getBlockNumber().longValueExact(), log.getTransactionHash(),
                log.getLogIndex().intValueExact());
    }
}

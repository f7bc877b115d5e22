package dev.br2k.operations;

import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import java.util.Optional;

/**
 * What the operations need of the service registry, for one account. Every call blocks and throws the
 * registry module's exceptions ({@link dev.br2k.registry.RegistryException}: a revert as
 * {@link dev.br2k.registry.RegistryRevertException} with the contract's reason, an unreachable node as
 * {@link dev.br2k.registry.RegistryUnavailableException}). {@link RegistryClientChain} adapts the
 * registry's client; BR2K Watch's gateway implements it too.
 */
public interface ChainRegistry {

    /** The account that signs, {@code 0x} lower case; empty for a read-only connection. */
    Optional<String> signer();

    /** The chain id the node reports. */
    long chainId();

    /** The service as registered now, if it is. */
    Optional<ServiceInfo> findService(ServiceId id);

    /** Simulates {@link #setReplicaCount} from {@link #signer()}: sends nothing; throws the contract's reason if it would revert. */
    void dryRunSetReplicaCount(ServiceId id, int replicas);

    /** Sets the registered replica count (manager only) and waits for the receipt. */
    RegistryReceipt setReplicaCount(ServiceId id, int replicas);

    /** Simulates {@link #setRunState}: sends nothing; throws the contract's reason if it would revert. */
    void dryRunSetRunState(ServiceId id, RunState state);

    /** Reports the run state (manager or operator) and waits for the receipt. */
    RegistryReceipt setRunState(ServiceId id, RunState state);
}

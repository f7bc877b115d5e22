package dev.br2k.watch.backend;

import dev.br2k.operations.ChainRegistry;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import dev.br2k.registry.event.EventQuery;
import dev.br2k.registry.event.RegistryEvent;
import dev.br2k.registry.event.Subscription;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the Watch needs of the service registry, for one logged-in account. Every call blocks and
 * throws the registry module's exceptions ({@link dev.br2k.registry.RegistryException} and subclasses);
 * call it from a background task. The production implementation adapts the registry module's client;
 * tests may substitute their own.
 */
public interface RegistryGateway extends AutoCloseable {

    /** The logged-in account's address. */
    String account();

    /** The chain's RPC URL, for messages. */
    String rpcUrl();

    /** The services {@link #account()} manages, read at one block. */
    List<ServiceInfo> managedServices();

    /** One service, read now. */
    ServiceInfo service(ServiceId id);

    /** Sets the registered replica count; it must stay within [1, maximum]. */
    RegistryReceipt setReplicaCount(ServiceId id, int replicas);

    /** The same registry, signed by {@link #account()}, as the service operations (ADD, REDUCE, RECOVERY) use it. */
    ChainRegistry chain();

    /** Delivers matching events, on a background thread, until the subscription is closed. */
    Subscription subscribe(EventQuery query, Consumer<RegistryEvent> listener);

    @Override
    void close();
}

package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which events a subscription delivers: of which services (none named: all), of which kinds (none
 * named: all), and from which block (default: the next block after subscribing; an earlier block
 * replays history first, in chain order).
 *
 * <pre>{@code
 * EventQuery.builder().service(id).kinds(LocationChanged.class, ClaimSent.class).build()
 * }</pre>
 */
public record EventQuery(Set<ServiceId> services, Set<Class<? extends RegistryEvent>> kinds, OptionalLong fromBlock) {

    /** Every event of every service, from the next block on. */
    public static final EventQuery ALL = new EventQuery(Set.of(), Set.of(), OptionalLong.empty());

    public EventQuery {
        services = Set.copyOf(services);
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(fromBlock, "fromBlock");
        fromBlock.ifPresent(b -> {
            if (b < 0) {
                throw new IllegalArgumentException("fromBlock must not be negative, was " + b);
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True if {@code event} is one this query asks for (ignoring blocks). */
    public boolean matches(RegistryEvent event) {
        return (services.isEmpty() || services.contains(event.serviceId()))
                && (kinds.isEmpty() || kinds.contains(event.getClass()));
    }

    public static final class Builder {
        private final Set<ServiceId> services = new LinkedHashSet<>();
        private final Set<Class<? extends RegistryEvent>> kinds = new LinkedHashSet<>();
        private OptionalLong fromBlock = OptionalLong.empty();

        private Builder() {
        }

        public Builder service(ServiceId id) {
            services.add(Objects.requireNonNull(id, "id"));
            return this;
        }

        public Builder services(Iterable<ServiceId> ids) {
            ids.forEach(this::service);
            return this;
        }

        @SafeVarargs
        public final Builder kinds(Class<? extends RegistryEvent>... kinds) {
            for (Class<? extends RegistryEvent> kind : kinds) {
                this.kinds.add(Objects.requireNonNull(kind, "kind"));
            }
            return this;
        }

        /** Replay from this block (inclusive) before following new blocks. */
        public Builder fromBlock(long block) {
            this.fromBlock = OptionalLong.of(block);
            return this;
        }

        public EventQuery build() {
            return new EventQuery(services, kinds, fromBlock);
        }
    }
}

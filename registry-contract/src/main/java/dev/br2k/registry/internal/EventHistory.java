package dev.br2k.registry.internal;

import dev.br2k.registry.ServiceId;
import dev.br2k.registry.event.BackupAppended;
import dev.br2k.registry.event.ClaimSent;
import dev.br2k.registry.event.DetailsChanged;
import dev.br2k.registry.event.RegistryEvent;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads event-only data the ERC-1056 way: storage holds the block of the newest event of a kind, each
 * event holds the block of the previous one ({@code previousChange}).
 */
public final class EventHistory {

    private final Chain chain;
    private final EventPoller poller;

    public EventHistory(Chain chain, EventPoller poller) {
        this.chain = chain;
        this.poller = poller;
    }

    /** The newest event of a kind about a service in one block. */
    public Optional<RegistryEvent> newestInBlock(ServiceId id, Class<? extends RegistryEvent> kind, long block) {
        List<RegistryEvent> events = eventsInBlock(id, kind, block);
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** The events of a kind about a service in one block, in chain order. */
    public List<RegistryEvent> eventsInBlock(ServiceId id, Class<? extends RegistryEvent> kind, long block) {
        return events(id, kind, chain.logs(filter(id, kind, block)));
    }

    /** The filter {@link #eventsInBlock} reads with, for reading many services' blocks in one batch. */
    public EthFilter filter(ServiceId id, Class<? extends RegistryEvent> kind, long block) {
        return poller.filter(block, block, Set.of(id), List.of(EventDecoder.topic(kind)));
    }

    /** {@link #eventsInBlock} for each service, from the logs of its {@link #filter} (same order). */
    public List<List<RegistryEvent>> eventsAll(List<ServiceId> ids, Class<? extends RegistryEvent> kind, List<List<Log>> logs) {
        List<List<RegistryEvent>> events = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            events.add(events(ids.get(i), kind, logs.get(i)));
        }
        return events;
    }

    private static List<RegistryEvent> events(ServiceId id, Class<? extends RegistryEvent> kind, List<Log> logs) {
        return logs.stream().map(EventDecoder::decode).flatMap(Optional::stream)
                .filter(e -> e.serviceId().equals(id) && kind.isInstance(e))
                .sorted(Comparator.comparing(RegistryEvent::position))
                .toList();
    }

    /**
     * Walks the {@code previousChange} chain back from {@code newestBlock}, newest event first, at
     * most {@code limit} events: one {@code eth_getLogs} of one block per step, never a chain scan.
     */
    public List<RegistryEvent> walkBack(ServiceId id, Class<? extends RegistryEvent> kind, OptionalLong newestBlock, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<RegistryEvent> result = new ArrayList<>();
        OptionalLong block = newestBlock;
        while (block.isPresent() && result.size() < limit) {
            List<RegistryEvent> inBlock = eventsInBlock(id, kind, block.getAsLong());
            if (inBlock.isEmpty()) {
                break;
            }
            for (int i = inBlock.size() - 1; i >= 0 && result.size() < limit; i--) {
                result.add(inBlock.get(i));
            }
            OptionalLong previous = previousChange(inBlock.get(0));
            block = previous.isPresent() && previous.getAsLong() < block.getAsLong() ? previous : OptionalLong.empty();
        }
        return List.copyOf(result);
    }

    private static OptionalLong previousChange(RegistryEvent event) {
        if (event instanceof BackupAppended b) {
            return b.previousChange();
        }
        if (event instanceof ClaimSent c) {
            return c.previousChange();
        }
        if (event instanceof DetailsChanged d) {
            return d.previousChange();
        }
        return OptionalLong.empty();
    }
}

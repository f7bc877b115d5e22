package dev.br2k.registry.internal;

import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.event.EventQuery;
import dev.br2k.registry.event.RegistryEvent;
import dev.br2k.registry.event.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers registry events to listeners by polling {@code eth_getLogs} for block ranges (no filters
 * kept on the node, so a node restart loses nothing). One daemon thread per client; each
 * subscription remembers the next block it has not seen and delivers in chain order. A failed poll
 * is retried at the next interval from the same block.
 */
public final class EventPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPoller.class);
    /** Most blocks asked for in one eth_getLogs (nodes limit ranges). */
    private static final long MAX_RANGE = 2_000;

    private final Chain chain;
    private final String registryAddress;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private final Set<PolledSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    public EventPoller(Chain chain, String registryAddress, Duration interval) {
        this.chain = chain;
        this.registryAddress = registryAddress;
        this.interval = interval;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "br2k-registry-events");
            t.setDaemon(true);
            return t;
        });
    }

    public Subscription subscribe(EventQuery query, Consumer<? super RegistryEvent> listener) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(listener, "listener");
        long from = query.fromBlock().isPresent() ? query.fromBlock().getAsLong() : chain.blockNumber() + 1;
        PolledSubscription subscription = new PolledSubscription(query, listener, from);
        subscriptions.add(subscription);
        subscription.future = executor.scheduleWithFixedDelay(subscription, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return subscription;
    }

    /** The matching events from {@code fromBlock} to {@code toBlock} (inclusive), in chain order. */
    public List<RegistryEvent> read(EventQuery query, long fromBlock, long toBlock) {
        List<String> topics = topics(query);
        List<RegistryEvent> events = new java.util.ArrayList<>();
        for (long from = fromBlock; from <= toBlock; from += MAX_RANGE) {
            long to = Math.min(toBlock, from + MAX_RANGE - 1);
            for (Log log : chain.logs(filter(from, to, query.services(), topics))) {
                EventDecoder.decode(log).filter(query::matches).ifPresent(events::add);
            }
        }
        return List.copyOf(events);
    }

    private static List<String> topics(EventQuery query) {
        return query.kinds().isEmpty() ? EventDecoder.allTopics()
                : query.kinds().stream().map(EventDecoder::topic).toList();
    }

    /** The filter for a block range, a set of services (empty: all) and event topics. */
    public EthFilter filter(long fromBlock, long toBlock, Set<ServiceId> services, List<String> topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), registryAddress);
        filter.addOptionalTopics(topics.toArray(String[]::new));
        if (!services.isEmpty()) {
            filter.addOptionalTopics(services.stream().map(ServiceId::hex).toArray(String[]::new));
        }
        return filter;
    }

    @Override
    public void close() {
        subscriptions.forEach(PolledSubscription::close);
        executor.shutdownNow();
    }

    private final class PolledSubscription implements Subscription, Runnable {
        private final EventQuery query;
        private final Consumer<? super RegistryEvent> listener;
        private final List<String> topics;
        private volatile boolean active = true;
        private volatile ScheduledFuture<?> future;
        private long next;
        private boolean failing;

        PolledSubscription(EventQuery query, Consumer<? super RegistryEvent> listener, long from) {
            this.query = query;
            this.listener = listener;
            this.next = from;
            this.topics = topics(query);
        }

        @Override
        public void run() {
            try {
                long latest = chain.blockNumber();
                while (active && next <= latest) {
                    long to = Math.min(latest, next + MAX_RANGE - 1);
                    List<Log> logs = chain.logs(filter(next, to, query.services(), topics));
                    for (Log log : logs) {
                        Optional<RegistryEvent> event = EventDecoder.decode(log);
                        if (active && event.isPresent() && query.matches(event.get())) {
                            deliver(event.get());
                        }
                    }
                    next = to + 1;
                }
                if (failing) {
                    LOG.info("Registry events are being delivered again from {}", chain.rpcUrl());
                    failing = false;
                }
            } catch (RegistryException e) {
                if (!failing) {
                    LOG.warn("Cannot poll registry events (will retry every {} ms): {}", interval.toMillis(), e.getMessage());
                    failing = true;
                }
            } catch (RuntimeException e) {
                LOG.warn("Unexpected failure polling registry events (will retry)", e);
            }
        }

        private void deliver(RegistryEvent event) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A registry event listener failed on {}; it keeps receiving events", event, e);
            }
        }

        @Override
        public void close() {
            active = false;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
            subscriptions.remove(this);
        }

        @Override
        public boolean isActive() {
            return active && !executor.isShutdown();
        }
    }
}

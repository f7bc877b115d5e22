package dev.br2k.registry.event;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where an event was emitted: block, transaction and the log's index in the block.
 * Ordered by block, then log index (the chain's order).
 */
public record LogPosition(long blockNumber, String transactionHash, int logIndex) implements Comparable<LogPosition> {

    private static final Comparator<LogPosition> ORDER =
            Comparator.comparingLong(LogPosition::blockNumber).thenComparingInt(LogPosition::logIndex);

    public LogPosition {
        Objects.requireNonNull(transactionHash, "transactionHash");
    }

    @Override
    public int compareTo(LogPosition other) {
        return ORDER.compare(this, other);
    }
}

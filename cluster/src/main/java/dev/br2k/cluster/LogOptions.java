package dev.br2k.cluster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to read a replica's log. Immutable; start from {@link #DEFAULT} or {@link #builder()}.
 *
 * @param container  {@link #SERVICE} or {@link #ETCD}
 * @param follow     keep streaming new lines until closed
 * @param tailLines  start with only the last N lines; empty for the whole log
 * @param since      only lines written at or after this time; empty for no limit
 * @param previous   the log of the previous run (the previous container on Kubernetes); never follows
 */
public record LogOptions(String container, boolean follow, OptionalInt tailLines, Optional<Instant> since,
                         boolean previous) {

    public static final String SERVICE = "service";
    public static final String ETCD = "etcd";

    /** The service container, following, starting with the last 100 lines. */
    public static final LogOptions DEFAULT = builder().build();

    public LogOptions {
        Objects.requireNonNull(container, "container");
        if (!container.equals(SERVICE) && !container.equals(ETCD)) {
            throw new IllegalArgumentException("container must be \"service\" or \"etcd\", was \"" + container + "\"");
        }
        Objects.requireNonNull(tailLines, "tailLines");
        if (tailLines.isPresent() && tailLines.getAsInt() < 0) {
            throw new IllegalArgumentException("tailLines must be >= 0, was " + tailLines.getAsInt());
        }
        Objects.requireNonNull(since, "since");
        if (previous && follow) {
            throw new IllegalArgumentException("previous logs cannot be followed: the previous run has ended");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().container(container).follow(follow).previous(previous);
        b.tailLines = tailLines;
        b.since = since;
        return b;
    }

    /** Builder for {@link LogOptions}; checks its arguments in {@link #build()}. */
    public static final class Builder {
        private String container = SERVICE;
        private boolean follow = true;
        private OptionalInt tailLines = OptionalInt.of(100);
        private Optional<Instant> since = Optional.empty();
        private boolean previous;

        private Builder() {
        }

        public Builder container(String container) {
            this.container = Objects.requireNonNull(container, "container");
            return this;
        }

        public Builder follow(boolean follow) {
            this.follow = follow;
            return this;
        }

        public Builder tailLines(int lines) {
            this.tailLines = OptionalInt.of(lines);
            return this;
        }

        public Builder allLines() {
            this.tailLines = OptionalInt.empty();
            return this;
        }

        public Builder since(Instant since) {
            this.since = Optional.of(Objects.requireNonNull(since, "since"));
            return this;
        }

        public Builder previous(boolean previous) {
            this.previous = previous;
            if (previous) {
                this.follow = false;
            }
            return this;
        }

        public LogOptions build() {
            return new LogOptions(container, follow, tailLines, since, previous);
        }
    }
}

package dev.br2k.robustness;

import dev.br2k.robustness.workload.InfoDidWorkload;
import dev.br2k.robustness.workload.KvWorkload;
import dev.br2k.robustness.workload.Workload;
import java.util.Locale;
import java.util.function.Supplier;

/** The services the experiment can run ({@code --service}). */
public enum WorkloadKind {
    /** InfoDID with signed requests (the default). */
    INFODID(InfoDidWorkload::new),
    /** The runtime's sample KvService. */
    KV(KvWorkload::new);

    private final Supplier<Workload> factory;

    WorkloadKind(Supplier<Workload> factory) {
        this.factory = factory;
    }

    public Workload create() {
        return factory.get();
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static WorkloadKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--service must be infodid or kv, was " + value);
        }
    }
}

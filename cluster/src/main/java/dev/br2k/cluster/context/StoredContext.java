package dev.br2k.cluster.context;

import java.util.Objects;

/**
 * A deployment context read back from where {@code spray} keeps it ({@link CanonicalContext}).
 *
 * @param context        the context, its Secrets referred to by name
 * @param keystoreSecret whether the service was deployed with a keystore: its Secret stays mounted on re-apply
 * @param canonical      the text as kept, whose {@link CanonicalContext#hash(String)} the registry holds
 */
public record StoredContext(DeploymentContext context, boolean keystoreSecret, String canonical) {

    public StoredContext {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(canonical, "canonical");
    }

    public byte[] hash() {
        return CanonicalContext.hash(canonical);
    }
}

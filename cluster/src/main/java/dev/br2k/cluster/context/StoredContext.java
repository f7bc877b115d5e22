package dev.br2k.cluster.context;

import dev.br2k.cluster.ClusterException;

import java.util.Arrays;
import java.util.HexFormat;
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

    /**
     * This context, when its hash is the registry's {@code contextHash}: what was registered is what runs.
     *
     * @param where where the context was read, for the message (e.g. {@code ConfigMap br2k/infodid-context})
     * @throws ClusterException naming both hashes and the fix when they differ, or when nothing was registered
     */
    public StoredContext requireRegistered(byte[] registeredHash, String where) {
        String service = context.service();
        if (Arrays.equals(registeredHash, new byte[registeredHash.length])) {
            throw new ClusterException(service + " is registered without a contextHash, so the context kept in " + where
                    + " cannot be checked against the registry. Set it with 'br2k set-context-hash " + service
                    + " --context <the context it was deployed with>'.");
        }
        if (!Arrays.equals(registeredHash, hash())) {
            throw new ClusterException("The context kept in " + where + " (sha256 " + HexFormat.of().formatHex(hash())
                    + ") is not the one registered for " + service + " (contextHash " + HexFormat.of().formatHex(registeredHash)
                    + "): it was deployed or changed with another context. Deploy it with the registered context"
                    + " ('br2k spray --context <name>'), or register the running one ('br2k set-context-hash " + service
                    + " --context <name>').");
        }
        return this;
    }
}

package dev.br2k.registry;

import java.util.Map;

/**
 * A replica count outside [1, maximum] ({@code ReplicaCountOutOfRange}), or a maximum below the
 * current count ({@code MaxReplicasBelowReplicaCount}).
 */
public final class ReplicaCountOutOfRangeException extends RegistryRevertException {

    public ReplicaCountOutOfRangeException(String function, String errorName, Map<String, Object> arguments) {
        super(function, errorName, arguments);
    }
}

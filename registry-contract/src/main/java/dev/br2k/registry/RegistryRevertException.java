package dev.br2k.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The registry contract refused a call with one of its custom errors, e.g.
 * {@code ReplicaCountOutOfRange(id, requested, maxReplicas)}. Nothing was changed.
 *
 * <p>{@link #errorName()} is the Solidity error's name and {@link #arguments()} its arguments by
 * name, in declaration order: addresses and {@code bytes32} as {@code 0x} hex strings, integers as
 * {@link java.math.BigInteger}, booleans as {@link Boolean}, strings as {@link String}. Subclasses
 * group the errors a caller usually handles differently.
 */
public class RegistryRevertException extends RegistryException {

    private final String function;
    private final String errorName;
    private final Map<String, Object> arguments;

    public RegistryRevertException(String function, String errorName, Map<String, Object> arguments) {
        super(message(function, errorName, arguments));
        this.function = Objects.requireNonNull(function, "function");
        this.errorName = Objects.requireNonNull(errorName, "errorName");
        this.arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** The contract function that was called, e.g. {@code setReplicaCount}. */
    public String function() {
        return function;
    }

    /** The custom error's name, e.g. {@code CallerNotManager}. */
    public String errorName() {
        return errorName;
    }

    /** The custom error's arguments by parameter name, in declaration order. */
    public Map<String, Object> arguments() {
        return arguments;
    }

    /** One argument by its Solidity parameter name. */
    public Object argument(String name) {
        if (!arguments.containsKey(name)) {
            throw new IllegalArgumentException(errorName + " has no argument '" + name + "'; it has " + arguments.keySet());
        }
        return arguments.get(name);
    }

    private static String message(String function, String errorName, Map<String, Object> arguments) {
        String args = arguments.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return "The service registry refused " + function + ": " + errorName + "(" + args + ")" + advice(errorName);
    }

    private static String advice(String errorName) {
        return switch (errorName) {
            case "CallerNotManager" -> ". Only the service's manager may do this; use the manager's keystore.";
            case "CallerNotManagerOrOperator" ->
                    ". Only the manager or an operator it approved may do this; ask the manager to add this account as an operator.";
            case "CallerNotPendingManager" -> ". Only the account the manager proposed may accept the transfer.";
            case "ServiceNotFound" -> ". No service is registered under this id; check the name or register it first.";
            case "ServiceAlreadyRegistered" -> ". Choose another name, or manage the existing service.";
            case "ReplicaCountOutOfRange" -> ". The replica count must be between 1 and the registered maximum.";
            case "MaxReplicasBelowReplicaCount" -> ". Reduce the replica count first.";
            case "StaleLocationTerm" -> ". A newer leader of the same etcd cluster already published the location;"
                    + " this leader is deposed (the manager may still set the location with setLocation).";
            default -> ".";
        };
    }
}

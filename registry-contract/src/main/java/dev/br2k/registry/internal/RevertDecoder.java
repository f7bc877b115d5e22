package dev.br2k.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.registry.RegistryAccessDeniedException;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.RegistryRevertException;
import dev.br2k.registry.ReplicaCountOutOfRangeException;
import dev.br2k.registry.ServiceAlreadyRegisteredException;
import dev.br2k.registry.ServiceNotFoundException;
import dev.br2k.registry.StaleLocationTermException;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the revert data of a refused call into a {@link RegistryRevertException} naming the contract's
 * custom error and its arguments. The errors are read from the committed ABI, so a new error in the
 * contract is decoded without code changes (as a plain {@link RegistryRevertException}).
 */
public final class RevertDecoder {

    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{8,}");
    private static final String ERROR_STRING_SELECTOR = "0x08c379a0"; // Error(string)
    private static final String PANIC_SELECTOR = "0x4e487b71"; // Panic(uint256)

    private final Map<String, ErrorDefinition> bySelector;

    private RevertDecoder(Map<String, ErrorDefinition> bySelector) {
        this.bySelector = bySelector;
    }

    /** A decoder for the errors in {@code ServiceRegistry.abi}. */
    public static RevertDecoder forServiceRegistry() {
        return fromAbi(ContractResources.abi());
    }

    static RevertDecoder fromAbi(String abiJson) {
        try {
            JsonNode abi = new ObjectMapper().readTree(abiJson);
            Map<String, ErrorDefinition> errors = new HashMap<>();
            for (JsonNode entry : abi) {
                if (!"error".equals(entry.path("type").asText())) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (JsonNode input : entry.path("inputs")) {
                    names.add(input.path("name").asText());
                    types.add(input.path("type").asText());
                }
                String signature = entry.path("name").asText() + "(" + String.join(",", types) + ")";
                String selector = Hash.sha3String(signature).substring(0, 10);
                errors.put(selector, new ErrorDefinition(entry.path("name").asText(), names, types));
            }
            return new RevertDecoder(Map.copyOf(errors));
        } catch (IOException e) {
            throw new IllegalStateException("ServiceRegistry.abi is not valid JSON", e);
        }
    }

    /** Finds revert data ({@code 0x...}) in a JSON-RPC error's {@code data} field, however the node shaped it. */
    public static Optional<String> revertData(String errorData) {
        if (errorData == null) {
            return Optional.empty();
        }
        Matcher m = HEX.matcher(errorData);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * The exception for revert data from {@code function}; a {@link RegistryException} naming the raw
     * data if the error is not one of the contract's.
     */
    public RegistryException decode(String function, String data) {
        String hex = data.toLowerCase();
        if (hex.length() < 10) {
            return new RegistryException("The service registry refused " + function + " without saying why (revert data '" + data + "').");
        }
        String selector = hex.substring(0, 10);
        String encodedArgs = "0x" + hex.substring(10);
        if (selector.equals(ERROR_STRING_SELECTOR)) {
            List<Type> decoded = FunctionReturnDecoder.decode(encodedArgs, List.of(castReference("string")));
            return new RegistryRevertException(function, "Error", Map.of("message", decoded.isEmpty() ? "" : decoded.get(0).getValue()));
        }
        if (selector.equals(PANIC_SELECTOR)) {
            List<Type> decoded = FunctionReturnDecoder.decode(encodedArgs, List.of(castReference("uint256")));
            return new RegistryRevertException(function, "Panic", Map.of("code", decoded.isEmpty() ? BigInteger.ZERO : decoded.get(0).getValue()));
        }
        ErrorDefinition error = bySelector.get(selector);
        if (error == null) {
            return new RegistryException("The service registry refused " + function + " with an error this client does not know ("
                    + selector + "); is the registry address right, and is this client as new as the contract?");
        }
        List<TypeReference<Type>> references = new ArrayList<>();
        for (String type : error.types()) {
            references.add(castReference(type));
        }
        List<Type> values = FunctionReturnDecoder.decode(encodedArgs, references);
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < error.names().size(); i++) {
            arguments.put(error.names().get(i), i < values.size() ? javaValue(values.get(i)) : null);
        }
        return switch (error.name()) {
            case "CallerNotManager", "CallerNotManagerOrOperator", "CallerNotPendingManager" ->
                    new RegistryAccessDeniedException(function, error.name(), arguments);
            case "ServiceNotFound" -> new ServiceNotFoundException(function, error.name(), arguments);
            case "ServiceAlreadyRegistered" -> new ServiceAlreadyRegisteredException(function, error.name(), arguments);
            case "ReplicaCountOutOfRange", "MaxReplicasBelowReplicaCount" ->
                    new ReplicaCountOutOfRangeException(function, error.name(), arguments);
            case "StaleLocationTerm" -> new StaleLocationTermException(function, error.name(), arguments);
            default -> new RegistryRevertException(function, error.name(), arguments);
        };
    }

    private static Object javaValue(Type value) {
        if (value instanceof Address address) {
            return address.getValue();
        }
        Object v = value.getValue();
        if (v instanceof byte[] bytes) {
            return Numeric.toHexString(bytes);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static TypeReference<Type> castReference(String solidityType) {
        try {
            return (TypeReference<Type>) TypeReference.makeTypeReference(solidityType);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Unsupported Solidity type in ServiceRegistry.abi: " + solidityType, e);
        }
    }

    private record ErrorDefinition(String name, List<String> names, List<String> types) {
    }
}

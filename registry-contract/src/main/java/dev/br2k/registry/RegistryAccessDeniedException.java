package dev.br2k.registry;

import java.util.Map;

/**
 * The calling account may not do this: it is not the service's manager
 * ({@code CallerNotManager}), not the manager or an approved operator
 * ({@code CallerNotManagerOrOperator}), or not the proposed new manager
 * ({@code CallerNotPendingManager}). Retrying with the same account cannot succeed.
 */
public final class RegistryAccessDeniedException extends RegistryRevertException {

    public RegistryAccessDeniedException(String function, String errorName, Map<String, Object> arguments) {
        super(function, errorName, arguments);
    }

    /** The account that was refused. */
    public String caller() {
        return (String) argument("caller");
    }
}

package dev.br2k.registry;

import java.util.Map;

/** No service is registered under the id ({@code ServiceNotFound}). */
public final class ServiceNotFoundException extends RegistryRevertException {

    public ServiceNotFoundException(String function, String errorName, Map<String, Object> arguments) {
        super(function, errorName, arguments);
    }
}

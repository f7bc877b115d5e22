package dev.br2k.registry;

import java.util.Map;

/** A service with this name is already registered ({@code ServiceAlreadyRegistered}). */
public final class ServiceAlreadyRegisteredException extends RegistryRevertException {

    public ServiceAlreadyRegisteredException(String function, String errorName, Map<String, Object> arguments) {
        super(function, errorName, arguments);
    }
}

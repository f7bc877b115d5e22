package dev.br2k.cli.home;

import java.util.Objects;

/** Credentials for one image registry, from {@code br2k login-registry}. */
public record RegistryLogin(String server, String username, String password) {
    public RegistryLogin {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "RegistryLogin[server=" + server + ", username=" + username + ", password=***]";
    }
}

package dev.br2k.cluster.context;

import java.util.Objects;

/**
 * Credentials of the image registry the service image is pulled from; they become an image pull
 * Secret ({@code kubernetes.io/dockerconfigjson}).
 *
 * @param server   registry host, e.g. {@code harbor.example.org}
 * @param username user
 * @param password password or token
 */
public record ImageRegistry(String server, String username, String password) {

    public ImageRegistry {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "ImageRegistry[server=" + server + ", username=" + username + ", password=***]";
    }
}

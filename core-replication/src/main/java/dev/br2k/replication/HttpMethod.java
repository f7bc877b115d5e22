package dev.br2k.replication;

/** The HTTP methods a BR2K route can be registered for. */
public enum HttpMethod {
    GET, POST, PUT, PATCH, DELETE
}

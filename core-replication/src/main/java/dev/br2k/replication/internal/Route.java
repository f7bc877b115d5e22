package dev.br2k.replication.internal;

import dev.br2k.replication.Handler;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.RouteType;

/** A registered route. For {@link RouteType#EXTERNAL_TXN} the handler only validates, before logging. */
public record Route(RouteType type, HttpMethod method, String path, Handler handler) {
    public String key() {
        return key(method, path);
    }

    public static String key(HttpMethod method, String path) {
        return method + " " + path;
    }
}

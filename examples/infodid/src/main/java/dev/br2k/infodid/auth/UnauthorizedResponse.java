package dev.br2k.infodid.auth;

import dev.br2k.replication.HttpResponseException;

/** 401: the request is not signed, or not signed by the DID it claims. */
public class UnauthorizedResponse extends HttpResponseException {
    public UnauthorizedResponse(String message) {
        super(401, message);
    }
}

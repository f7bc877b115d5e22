package dev.br2k.infodid.auth;

import dev.br2k.replication.HttpResponseException;

/** 409: the nonce was used before; a captured request cannot be sent again. */
public class ReplayedRequestResponse extends HttpResponseException {
    public ReplayedRequestResponse(String message) {
        super(409, message);
    }
}

package dev.br2k.infodid.auth;

import dev.br2k.replication.HttpResponseException;

/** 403: the signer is who they say, but may not do this (e.g. read a profile without consent). */
public class ForbiddenResponse extends HttpResponseException {
    public ForbiddenResponse(String message) {
        super(403, message);
    }
}

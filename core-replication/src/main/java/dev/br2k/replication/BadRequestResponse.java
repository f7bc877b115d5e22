package dev.br2k.replication;

/** 400: the request cannot be processed as sent. */
public class BadRequestResponse extends HttpResponseException {
    public BadRequestResponse(String message) {
        super(400, message);
    }
}

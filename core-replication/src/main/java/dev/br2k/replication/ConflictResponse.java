package dev.br2k.replication;

/** 409: the request conflicts with the current state. */
public class ConflictResponse extends HttpResponseException {
    public ConflictResponse(String message) {
        super(409, message);
    }
}

package dev.br2k.replication;

/** 404: the thing the request names does not exist. */
public class NotFoundResponse extends HttpResponseException {
    public NotFoundResponse(String message) {
        super(404, message);
    }
}

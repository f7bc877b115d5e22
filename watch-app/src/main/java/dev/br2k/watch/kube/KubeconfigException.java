package dev.br2k.watch.kube;

/** A kubeconfig that cannot be read, or a context that is not in it; the message says what to do. */
public final class KubeconfigException extends RuntimeException {

    public KubeconfigException(String message) {
        super(message);
    }

    public KubeconfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

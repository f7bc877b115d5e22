package dev.br2k.cluster;

/** A running log stream; close it to stop. Closing twice is harmless. */
public interface LogStream extends AutoCloseable {

    /** Lines delivered so far. */
    long delivered();

    /** True until the stream ended or was closed. */
    boolean isOpen();

    @Override
    void close();
}

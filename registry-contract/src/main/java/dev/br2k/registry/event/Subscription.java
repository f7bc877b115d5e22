package dev.br2k.registry.event;

/**
 * A running event subscription. Closing it stops delivery (an event being delivered finishes);
 * closing twice does nothing.
 */
public interface Subscription extends AutoCloseable {

    @Override
    void close();

    /** False once closed (by the caller or because the client was closed). */
    boolean isActive();
}

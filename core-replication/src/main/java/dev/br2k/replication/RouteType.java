package dev.br2k.replication;

/** How a route's requests are treated; stored with every log entry. */
public enum RouteType {
    /** Changes local state: logged, run by the leader and then by every follower. */
    REPLICATE,
    /** Reads or touches external state: logged, run once, by the leader only. */
    ONLY_ONCE,
    /** A client's successful chain transaction: logged, run by no one. */
    EXTERNAL_TXN
}

package dev.br2k.registry;

import java.math.BigInteger;
import java.util.Map;

/**
 * {@code StaleLocationTerm(id, clusterId, storedTerm, storedRevision, givenTerm, givenRevision)}: a newer
 * leader of the same etcd cluster already published the location (the stored leader term is at least the
 * one given), so a deposed leader's late {@code updateLocation} changed nothing. Retrying cannot succeed.
 */
public final class StaleLocationTermException extends RegistryRevertException {

    public StaleLocationTermException(String function, String errorName, Map<String, Object> arguments) {
        super(function, errorName, arguments);
    }

    /** The leader term of the location that stays. */
    public LocationTerm stored() {
        return term("storedTerm", "storedRevision");
    }

    /** The leader term that was refused. */
    public LocationTerm given() {
        return term("givenTerm", "givenRevision");
    }

    private LocationTerm term(String term, String revision) {
        return new LocationTerm(((BigInteger) argument("clusterId")).longValue(),   // unsigned 64 bits: the low 64 bits are the id
                ((BigInteger) argument(term)).longValueExact(), ((BigInteger) argument(revision)).longValueExact());
    }
}

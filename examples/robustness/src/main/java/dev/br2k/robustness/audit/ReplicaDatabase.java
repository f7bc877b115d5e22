package dev.br2k.robustness.audit;

import java.util.List;
import java.util.Map;

/**
 * The content of one replica's SQLite database, every table's rows in primary-key order.
 *
 * @param replica  the replica's id
 * @param tables   table name to its rows, each row its columns joined by {@code |}
 * @param applied  request id to how many times the request was applied in this database
 */
public record ReplicaDatabase(String replica, Map<String, List<String>> tables, Map<String, Long> applied) {
}

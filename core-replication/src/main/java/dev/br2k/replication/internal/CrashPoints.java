package dev.br2k.replication.internal;

import dev.br2k.replication.CrashPoint;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The crash points a test configured (only core-replication's own tests can: {@code Br2kConfig.crashAt} is package-private): the process halts ({@code Runtime.halt(86)}) when
 * the leader reaches one for a log index. Each point fires once for all replicas whose state directories share
 * a parent (a file {@code .br2k-crashed-<point>-<index>} there): in v2 a retry of a group cut off before its
 * commit takes the same indices on the next leader.
 */
final class CrashPoints {
    private final NavigableMap<Long, CrashPoint> points;
    private final Path stateDir;
    private final ReplicaLog log;

    CrashPoints(Map<Long, CrashPoint> points, Path stateDir, ReplicaLog log) {
        this.points = new TreeMap<>(points);
        this.stateDir = stateDir;
        this.log = log;
    }

    /** Halts the process if {@code point} is configured for one of the indices and has not fired yet. */
    void reached(CrashPoint point, long fromIndex, long toIndex) {
        if (points.isEmpty()) {
            return;
        }
        for (var c : points.subMap(fromIndex, true, toIndex, true).entrySet()) {
            if (c.getValue() == point && firstCrash(point, c.getKey())) {
                log.error("CRASH POINT {} reached at index {}: halting the process", point, c.getKey());
                Runtime.getRuntime().halt(86);
            }
        }
    }

    private boolean firstCrash(CrashPoint point, long index) {
        Path parent = stateDir.toAbsolutePath().getParent();
        try {
            Files.createFile(parent.resolve(".br2k-crashed-" + point + "-" + index));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            log.warn("crash point {} at {}: cannot record it in {} ({}); halting anyway", point, index, parent, e.toString());
            return true;
        }
    }
}

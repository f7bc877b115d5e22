package dev.br2k.watch.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** Collects the GC pauses the JVM reports (end time and duration). */
final class GcRecorder {

    private final List<long[]> pauses = new ArrayList<>();

    private GcRecorder() {
    }

    static GcRecorder install() {
        GcRecorder recorder = new GcRecorder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    if (info.getGcAction().contains("end of") && !info.getGcName().contains("Concurrent")) {
                        recorder.add(BenchClock.now(), info.getGcInfo().getDuration() * 1_000_000L);
                    }
                }, null, null);
            }
        }
        return recorder;
    }

    static String names() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join(" + ", names);
    }

    synchronized void add(long end, long duration) {
        pauses.add(new long[]{end, duration});
    }

    synchronized void reset() {
        pauses.clear();
    }

    /** Pairs: end (nanos since {@link BenchClock#START}), duration (nanos). */
    synchronized List<long[]> snapshot() {
        return List.copyOf(pauses);
    }
}

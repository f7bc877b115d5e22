package dev.br2k.watch.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The notices of one window, newest last; the shell shows new ones as toasts. UI thread only. */
public final class Notices {

    private static final int KEEP = 50;
    private final ObservableList<Notice> all = FXCollections.observableArrayList();

    public void post(Notice notice) {
        all.add(notice);
        if (all.size() > KEEP) {
            all.remove(0, all.size() - KEEP);
        }
    }

    public ObservableList<Notice> all() {
        return all;
    }
}

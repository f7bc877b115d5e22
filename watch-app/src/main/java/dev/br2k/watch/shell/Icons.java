package dev.br2k.watch.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Ikonli icons at the Watch's sizes. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        return FontIcon.of(ikon, 16);
    }

    public static FontIcon large(Ikon ikon) {
        return FontIcon.of(ikon, 28);
    }
}

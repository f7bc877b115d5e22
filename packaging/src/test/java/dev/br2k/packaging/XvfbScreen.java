package dev.br2k.packaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real X server (Xvfb) whose screen is readable as an image: Xvfb's {@code -fbdir} keeps the frame
 * buffer in an XWD file, so a screenshot needs no other tool.
 */
final class XvfbScreen implements AutoCloseable {

    private final int display;
    private final Path fbDir;
    private final Process xvfb;

    private XvfbScreen(int display, Path fbDir, Process xvfb) {
        this.display = display;
        this.fbDir = fbDir;
        this.xvfb = xvfb;
    }

    static XvfbScreen start(Path fbDir) throws IOException, InterruptedException {
        for (int display = 90 + (int) (ProcessHandle.current().pid() % 100); display < 400; display++) {
            if (Files.exists(Path.of("/tmp/.X" + display + "-lock"))) {
                continue;
            }
            Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1280x800x24",
                    "-fbdir", fbDir.toString(), "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(fbDir.resolve("xvfb.log").toFile()).start();
            for (int i = 0; i < 50 && xvfb.isAlive(); i++) {
                if (Files.exists(fbDir.resolve("Xvfb_screen0")) && Files.exists(Path.of("/tmp/.X11-unix/X" + display))) {
                    return new XvfbScreen(display, fbDir, xvfb);
                }
                xvfb.waitFor(100, TimeUnit.MILLISECONDS);
            }
            xvfb.destroyForcibly();
        }
        throw new IllegalStateException("Could not start Xvfb (is xvfb installed? run ./scripts/install-deps)");
    }

    String displayName() {
        return ":" + display;
    }

    /** The screen as it is now. */
    BufferedImage capture() throws IOException {
        ByteBuffer xwd = ByteBuffer.wrap(Files.readAllBytes(fbDir.resolve("Xvfb_screen0"))).order(ByteOrder.BIG_ENDIAN);
        int headerSize = xwd.getInt(0);
        int width = xwd.getInt(16);
        int height = xwd.getInt(20);
        int byteOrder = xwd.getInt(28);
        int bitsPerPixel = xwd.getInt(44);
        int bytesPerLine = xwd.getInt(48);
        int colormapEntries = xwd.getInt(76);
        if (bitsPerPixel != 32) {
            throw new IOException("Expected a 32-bit frame buffer, got " + bitsPerPixel + " bits per pixel");
        }
        int offset = headerSize + colormapEntries * 12;
        xwd.order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, xwd.getInt(offset + y * bytesPerLine + x * 4) & 0xffffff);
            }
        }
        return image;
    }

    /** How many different colours the screen shows: an empty screen has one. */
    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}

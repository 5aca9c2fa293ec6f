import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;

/**
 * The window's time to first paint, seen from outside: launches a command (the IDE) and grabs the X display every
 * ~20 ms, printing when the screen first shows the window unpainted (mostly white), painted, and the graph (Conv
 * or BatchNormalization node colours), in ms from the launch, then the total time the window stayed white.
 * Run on an otherwise empty virtual display (docs/ide-window.md has the figures):
 *
 *   Xvfb :99 -screen 0 1280x820x24 &
 *   DISPLAY=:99 java docs/tools/FrameWatch.java 90 ./npustudio gui --sample resnet50
 *
 * The first argument is a time limit in seconds; the app's output goes to frame-watch-app.log.
 */
public class FrameWatch {
    public static void main(String[] a) throws Exception {
        double limit = Double.parseDouble(a[0]);
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(List.of(a).subList(1, a.length)).redirectErrorStream(true)
                .redirectOutput(new File("frame-watch-app.log")).start();
        String last = "";
        long whiteSince = -1, whiteTotal = 0;
        while (p.isAlive() && (System.nanoTime() - t0) / 1e9 < limit) {
            BufferedImage img = robot.createScreenCapture(screen);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int n = 0, white = 0, black = 0, node = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int c = img.getRGB(x, y) & 0xFFFFFF;
                    n++;
                    if (c == 0xFFFFFF) white++;
                    else if (c == 0) black++; // Xvfb's empty root window
                    else if (c == 0x2F62A8 || c == 0x2E7D5B) node++;
                }
            }
            String state = black > n * 0.9 ? "nothing" : white > (n - black) * 0.85 ? "white window" : node > 150 ? "graph" : "painted";
            if (!state.equals(last)) {
                System.out.printf("%6d ms  %s%n", ms, state);
                if (state.equals("white window")) whiteSince = ms;
                else if (whiteSince >= 0) {
                    whiteTotal += ms - whiteSince;
                    whiteSince = -1;
                }
                last = state;
            }
            if (state.equals("graph")) break;
            Thread.sleep(20);
        }
        System.out.printf("white window for %d ms in total%n", whiteTotal);
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        p.waitFor();
    }
}

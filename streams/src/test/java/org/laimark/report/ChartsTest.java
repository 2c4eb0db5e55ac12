package org.laimark.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart classes draw decodable PNGs of the fixed size, with data drawn and empty charts said so. */
class ChartsTest {

  @TempDir Path tmp;

  @Test
  void histogramPutsTheUpperEdgeInTheLastBinAndClampsOutliers() {
    Histogram h = new Histogram("t", "x", 0, 1, 10);

    long[] counts = h.counts(List.of(0.0, 0.05, 0.1, 0.55, 1.0, 1.5, -0.2));

    assertArrayEquals(new long[] {3, 1, 0, 0, 0, 1, 0, 0, 0, 2}, counts);
  }

  @Test
  void barChartWithErrorBarsDrawsBlueBarsOnWhite() throws Exception {
    Path png = tmp.resolve("bars.png");

    new BarChart("title", "x", "y").yRange(0, 100).valueFormat("%.1f")
        .barWithError("a", 40, 30, 50).barWithError("b", 70, Double.NaN, Double.NaN).bar("c", Double.NaN).write(png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(ChartFrame.WIDTH, image.getWidth());
    assertEquals(ChartFrame.HEIGHT, image.getHeight());
    int slot = (ChartFrame.WIDTH - 80 - 30) / 3;
    int barPixel = image.getRGB(80 + slot / 2 + 10, ChartFrame.HEIGHT - 80 - 20) & 0xFFFFFF;
    assertEquals(ChartFrame.BLUE.getRGB() & 0xFFFFFF, barPixel, "bar a is drawn in blue");
  }

  @Test
  void emptyLineChartStillWritesItsFrame() throws Exception {
    Path png = tmp.resolve("line.png");

    new LineChart("empty", "x", "y").series("s", List.of()).whenEmpty("nothing yet").write(png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(ChartFrame.WIDTH, image.getWidth());
    assertNotEquals(0xFFFFFF, image.getRGB(80, 200) & 0xFFFFFF, "the y axis is drawn");
  }
}

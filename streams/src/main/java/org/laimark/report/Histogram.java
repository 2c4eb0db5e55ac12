package org.laimark.report;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts of values in equal-width bins over [{@code min}, {@code max}] (the last bin includes
 * {@code max}), drawn as adjacent bars with bin edges on the x axis; optional dashed markers at given
 * values (e.g. the calibration window's ends).
 */
public final class Histogram {

  private final String title;
  private final String xLabel;
  private final double min;
  private final double max;
  private final int bins;
  private final List<Double> markers = new ArrayList<>();

  public Histogram(String title, String xLabel, double min, double max, int bins) {
    if (!(max > min) || bins < 1) {
      throw new IllegalArgumentException("need max > min and bins >= 1, got [" + min + ", " + max + "], " + bins);
    }
    this.title = title;
    this.xLabel = xLabel;
    this.min = min;
    this.max = max;
    this.bins = bins;
  }

  public Histogram marker(double value) {
    markers.add(value);
    return this;
  }

  /** The count per bin; values outside [min, max] are clamped into the end bins. */
  public long[] counts(List<Double> values) {
    long[] counts = new long[bins];
    for (double v : values) {
      int bin = (int) Math.floor((v - min) / (max - min) * bins);
      counts[Math.max(0, Math.min(bins - 1, bin))]++;
    }
    return counts;
  }

  public void write(List<Double> values, Path png) {
    ChartFrame frame = new ChartFrame(title);
    long[] counts = counts(values);
    long top = 0;
    for (long c : counts) {
      top = Math.max(top, c);
    }
    frame.valueAxis(0, ChartFrame.niceMax(Math.max(5, top * 1.08)), 5, "%.0f", "count", xLabel);
    if (values.isEmpty()) {
      frame.emptyNote("no values");
      frame.write(png);
      return;
    }
    Graphics2D g = frame.graphics();
    double binWidth = (frame.plotRight() - frame.plotLeft()) / (double) bins;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int i = 0; i < bins; i++) {
      int x = (int) Math.round(frame.plotLeft() + i * binWidth);
      int yTop = (int) Math.round(frame.y(counts[i]));
      g.setColor(ChartFrame.BLUE);
      g.fillRect(x + 1, yTop, (int) Math.round(binWidth) - 2, frame.plotBottom() - yTop);
      if (counts[i] > 0) {
        g.setColor(ChartFrame.INK);
        String text = Long.toString(counts[i]);
        g.drawString(text, (int) (x + binWidth / 2 - g.getFontMetrics().stringWidth(text) / 2.0), yTop - 4);
      }
    }
    for (int i = 0; i <= bins; i++) {
      double edge = min + (max - min) * i / bins;
      frame.tickLabel(String.format(Locale.ROOT, "%.2f", edge), frame.plotLeft() + i * binWidth, 50, 0);
    }
    g.setColor(ChartFrame.RED);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    for (double m : markers) {
      int x = (int) Math.round(frame.plotLeft() + (m - min) / (max - min) * (frame.plotRight() - frame.plotLeft()));
      g.drawLine(x, frame.plotTop(), x, frame.plotBottom());
    }
    frame.write(png);
  }
}

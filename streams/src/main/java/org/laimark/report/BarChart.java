package org.laimark.report;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vertical bars, one per labelled category, each with its value printed above it and, optionally, an
 * error bar from {@code low} to {@code high} (e.g. a confidence interval). Used for the acceptance
 * funnel, rejection reasons, the task-type mix and the paper table. A bar may be highlighted in another
 * colour (e.g. the rejected ones).
 */
public final class BarChart {

  /** One bar; {@code low}/{@code high} are NaN when it has no error bar. */
  public record Bar(String label, double value, double low, double high, boolean highlighted) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Bar> bars = new ArrayList<>();
  private String valueFormat = "%.0f";
  private double yMin;
  private double yMax = Double.NaN;

  public BarChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** printf format of the value labels and axis ticks (default whole numbers). */
  public BarChart valueFormat(String format) {
    this.valueFormat = format;
    return this;
  }

  /** A fixed value range (otherwise 0 to the largest value or error bar, padded). */
  public BarChart yRange(double min, double max) {
    this.yMin = min;
    this.yMax = max;
    return this;
  }

  public BarChart bar(String label, double value) {
    bars.add(new Bar(label, value, Double.NaN, Double.NaN, false));
    return this;
  }

  public BarChart highlightedBar(String label, double value) {
    bars.add(new Bar(label, value, Double.NaN, Double.NaN, true));
    return this;
  }

  public BarChart barWithError(String label, double value, double low, double high) {
    bars.add(new Bar(label, value, low, high, false));
    return this;
  }

  public void write(Path png) {
    ChartFrame frame = new ChartFrame(title);
    double top = bars.stream()
        .mapToDouble(b -> Double.isNaN(b.high()) ? b.value() : Math.max(b.value(), b.high()))
        .filter(Double::isFinite).max().orElse(1);
    double max = Double.isNaN(yMax) ? ChartFrame.niceMax(top * 1.08) : yMax;
    frame.valueAxis(yMin, max, 5, valueFormat, yLabel, xLabel);
    if (bars.isEmpty()) {
      frame.emptyNote("no data");
      frame.write(png);
      return;
    }
    Graphics2D g = frame.graphics();
    double slot = (frame.plotRight() - frame.plotLeft()) / (double) bars.size();
    double width = Math.min(80, slot * 0.7);
    int lines = slot < 90 ? 2 : 1;
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double centre = frame.plotLeft() + slot * (i + 0.5);
      frame.tickLabel(b.label(), centre, (int) (slot * (lines == 2 ? 1.9 : 0.95)), lines == 2 ? i % 2 : 0);
      if (!Double.isFinite(b.value())) {
        continue;
      }
      double yTop = frame.y(b.value());
      g.setColor(b.highlighted() ? ChartFrame.RED : ChartFrame.BLUE);
      g.fillRect((int) Math.round(centre - width / 2), (int) Math.round(yTop), (int) Math.round(width),
          (int) Math.round(frame.y(yMin) - yTop));
      double labelAt = yTop;
      if (!Double.isNaN(b.low())) {
        labelAt = Math.min(labelAt, errorBar(g, frame, centre, width, b));
      }
      g.setColor(ChartFrame.INK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      String text = String.format(Locale.ROOT, valueFormat, b.value());
      g.drawString(text, (int) Math.round(centre - g.getFontMetrics().stringWidth(text) / 2.0), (int) labelAt - 5);
    }
    frame.write(png);
  }

  /** Draws the whisker and returns its top pixel row. */
  private static double errorBar(Graphics2D g, ChartFrame frame, double centre, double width, Bar b) {
    double lo = frame.y(b.low());
    double hi = frame.y(b.high());
    int cap = (int) Math.round(width / 4);
    g.setColor(ChartFrame.INK);
    g.setStroke(new BasicStroke(1.5f));
    int x = (int) Math.round(centre);
    g.drawLine(x, (int) lo, x, (int) hi);
    g.drawLine(x - cap, (int) lo, x + cap, (int) lo);
    g.drawLine(x - cap, (int) hi, x + cap, (int) hi);
    return hi;
  }
}

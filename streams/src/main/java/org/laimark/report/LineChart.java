package org.laimark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lines through (x, y) points with a dot at each point, on a numeric x axis (e.g. policy version) and a
 * fixed or data-derived y range; several series get a legend. A chart without points says so in the
 * plot area instead of drawing empty axes.
 */
public final class LineChart {

  /** One point of a series. */
  public record Point(double x, double y) {}

  private record Series(String label, List<Point> points, Color color) {}

  private static final Color[] PALETTE = {
    ChartFrame.BLUE, ChartFrame.ORANGE, ChartFrame.GREEN, ChartFrame.RED
  };

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private double yMin = Double.NaN;
  private double yMax = Double.NaN;
  private String yFormat = "%.2f";
  private String emptyNote = "no data";

  public LineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** A fixed value range (otherwise the data's range, padded). */
  public LineChart yRange(double min, double max, String format) {
    this.yMin = min;
    this.yMax = max;
    this.yFormat = format;
    return this;
  }

  public LineChart series(String label, List<Point> points) {
    series.add(new Series(label, List.copyOf(points), PALETTE[series.size() % PALETTE.length]));
    return this;
  }

  /** What the plot area says when no series has a point. */
  public LineChart whenEmpty(String note) {
    this.emptyNote = note;
    return this;
  }

  public void write(Path png) {
    ChartFrame frame = new ChartFrame(title);
    List<Point> all = new ArrayList<>();
    series.forEach(s -> all.addAll(s.points()));
    double lo = Double.isNaN(yMin) ? all.stream().mapToDouble(Point::y).min().orElse(0) : yMin;
    double hi = Double.isNaN(yMax) ? all.stream().mapToDouble(Point::y).max().orElse(1) : yMax;
    if (Double.isNaN(yMin) && hi - lo < 1e-9) {
      lo -= 0.5;
      hi += 0.5;
    }
    frame.valueAxis(lo, hi, 5, yFormat, yLabel, xLabel);
    if (all.isEmpty()) {
      frame.emptyNote(emptyNote);
      frame.write(png);
      return;
    }
    double xLo = all.stream().mapToDouble(Point::x).min().getAsDouble();
    double xHi = all.stream().mapToDouble(Point::x).max().getAsDouble();
    XAxis x = new XAxis(frame, xLo, xHi == xLo ? xLo + 1 : xHi);
    x.ticks();
    Graphics2D g = frame.graphics();
    for (Series s : series) {
      g.setColor(s.color());
      g.setStroke(new BasicStroke(2f));
      Path2D line = new Path2D.Double();
      for (int i = 0; i < s.points().size(); i++) {
        Point p = s.points().get(i);
        if (i == 0) {
          line.moveTo(x.px(p.x()), frame.y(p.y()));
        } else {
          line.lineTo(x.px(p.x()), frame.y(p.y()));
        }
      }
      g.draw(line);
      for (Point p : s.points()) {
        g.fill(new Ellipse2D.Double(x.px(p.x()) - 3.5, frame.y(p.y()) - 3.5, 7, 7));
      }
    }
    if (series.size() > 1) {
      frame.legend(series.stream().map(Series::label).toArray(String[]::new),
          series.stream().map(Series::color).toArray(Color[]::new));
    }
    frame.write(png);
  }

  /** Maps x values to pixels, with a margin so the first and last dots are not on the frame. */
  private record XAxis(ChartFrame frame, double lo, double hi) {
    double px(double v) {
      int margin = 20;
      double span = frame.plotRight() - frame.plotLeft() - 2 * margin;
      return frame.plotLeft() + margin + (v - lo) / (hi - lo) * span;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50... at least {@code raw}: ticks on round versions. */
    static double roundStep(double raw) {
      for (double magnitude = 1; ; magnitude *= 10) {
        for (double m : new double[] {1, 2, 5}) {
          if (m * magnitude >= raw) {
            return m * magnitude;
          }
        }
      }
    }

    void ticks() {
      boolean integral = lo == Math.rint(lo) && hi == Math.rint(hi);
      double step = integral ? roundStep((hi - lo) / 10) : (hi - lo) / 5;
      double first = integral ? Math.ceil(lo / step) * step : lo;
      for (double v = first; v <= hi + 1e-9; v += step) {
        String label = integral ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
        frame.graphics().drawLine((int) px(v), frame.plotBottom(), (int) px(v), frame.plotBottom() + 5);
        frame.tickLabel(label, px(v), 60, 0);
      }
    }
  }
}

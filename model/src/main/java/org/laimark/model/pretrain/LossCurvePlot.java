package org.laimark.model.pretrain;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the loss curve as a PNG with the JDK's own Java2D (headless; no plotting library needed): the
 * per-step loss in light grey, an exponential moving average over it in blue, a log-scaled y axis (loss
 * falls over orders of magnitude when a model learns a format), and step / loss ticks.
 */
public final class LossCurvePlot {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 520;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;

  private LossCurvePlot() {}

  public static void write(List<LossCurve.Point> points, String title, Path png) {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 30);
    if (!points.isEmpty()) {
      Axes axes = Axes.of(points);
      drawAxes(g, axes);
      g.setStroke(new BasicStroke(1f));
      g.setColor(new Color(190, 190, 190));
      g.draw(line(points, axes, false));
      g.setStroke(new BasicStroke(2f));
      g.setColor(new Color(31, 90, 180));
      g.draw(line(points, axes, true));
    }
    g.dispose();
    try {
      ImageIO.write(image, "png", png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(png + ": cannot write the plot (" + e.getMessage() + ")", e);
    }
  }

  /** The data ranges and how they map to pixels. */
  private record Axes(long maxStep, double logMin, double logMax) {
    static Axes of(List<LossCurve.Point> points) {
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      for (LossCurve.Point p : points) {
        if (p.loss() > 0 && Double.isFinite(p.loss())) {
          lo = Math.min(lo, Math.log10(p.loss()));
          hi = Math.max(hi, Math.log10(p.loss()));
        }
      }
      if (lo > hi) {
        lo = -1;
        hi = 1;
      }
      lo = Math.floor(lo * 2) / 2;
      hi = Math.max(lo + 0.5, Math.ceil(hi * 2) / 2);
      return new Axes(Math.max(1, points.get(points.size() - 1).step()), lo, hi);
    }

    double x(long step) {
      return LEFT + (double) step / maxStep * (WIDTH - LEFT - RIGHT);
    }

    double y(double loss) {
      double v = Math.log10(Math.max(loss, Math.pow(10, logMin)));
      return TOP + (logMax - v) / (logMax - logMin) * (HEIGHT - TOP - BOTTOM);
    }
  }

  private static void drawAxes(Graphics2D g, Axes axes) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(Color.BLACK);
    g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
    g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
    for (int i = 0; i <= 5; i++) {
      long step = Math.round(axes.maxStep() * i / 5.0);
      int x = (int) axes.x(step);
      g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 5);
      g.drawString(Long.toString(step), x - 10, HEIGHT - BOTTOM + 20);
    }
    for (double v = axes.logMin(); v <= axes.logMax() + 1e-9; v += 0.5) {
      double loss = Math.pow(10, v);
      int y = (int) axes.y(loss);
      g.setColor(new Color(235, 235, 235));
      g.drawLine(LEFT + 1, y, WIDTH - RIGHT, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format(Locale.ROOT, loss < 0.1 ? "%.3f" : "%.2f", loss), 20, y + 4);
    }
    g.drawString("optimizer step", WIDTH / 2 - 40, HEIGHT - 20);
    g.drawString("loss (nats/token, log scale)", LEFT, TOP - 8);
  }

  private static Path2D line(List<LossCurve.Point> points, Axes axes, boolean smoothed) {
    Path2D path = new Path2D.Double();
    double ema = points.get(0).loss();
    double alpha = 2.0 / (1 + Math.max(10, points.size() / 50));
    for (int i = 0; i < points.size(); i++) {
      LossCurve.Point p = points.get(i);
      ema = alpha * p.loss() + (1 - alpha) * ema;
      double value = smoothed ? ema : p.loss();
      if (i == 0) {
        path.moveTo(axes.x(p.step()), axes.y(value));
      } else {
        path.lineTo(axes.x(p.step()), axes.y(value));
      }
    }
    return path;
  }
}

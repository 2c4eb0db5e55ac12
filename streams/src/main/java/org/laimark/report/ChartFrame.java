package org.laimark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The canvas every chart draws on: a white {@value #WIDTH}x{@value #HEIGHT} PNG with a title, a plot
 * area, a value (y) axis with light grid lines and axis labels, drawn with the JDK's Java2D in headless
 * mode (no plotting library). Charts map their data into {@link #plotLeft()}..{@link #plotRight()} and
 * use {@link #y(double)} for values. Single use: draw, then {@link #write}.
 */
final class ChartFrame {

  static final int WIDTH = 900;
  static final int HEIGHT = 520;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 60;
  private static final int BOTTOM = 80;

  static final Color INK = Color.BLACK;
  static final Color GRID = new Color(232, 232, 232);
  static final Color BLUE = new Color(31, 90, 180);
  static final Color ORANGE = new Color(220, 120, 30);
  static final Color GREEN = new Color(60, 150, 70);
  static final Color RED = new Color(190, 50, 50);
  static final Color GREY = new Color(150, 150, 150);

  private final BufferedImage image;
  private final Graphics2D g;
  private double yMin;
  private double yMax = 1;

  ChartFrame(String title) {
    System.setProperty("java.awt.headless", "true");
    image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(INK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(fit(title, WIDTH - 2 * 20), 20, 30);
  }

  Graphics2D graphics() {
    return g;
  }

  int plotLeft() {
    return LEFT;
  }

  int plotRight() {
    return WIDTH - RIGHT;
  }

  int plotTop() {
    return TOP;
  }

  int plotBottom() {
    return HEIGHT - BOTTOM;
  }

  /** Sets the value range, draws the axes, {@code ticks + 1} grid lines and the axis labels. */
  void valueAxis(double min, double max, int ticks, String format, String yLabel, String xLabel) {
    yMin = min;
    yMax = max > min ? max : min + 1;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= ticks; i++) {
      double v = yMin + (yMax - yMin) * i / ticks;
      int y = (int) Math.round(y(v));
      g.setColor(GRID);
      g.drawLine(LEFT + 1, y, plotRight(), y);
      g.setColor(INK);
      String label = String.format(Locale.ROOT, format, v);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    g.setColor(INK);
    g.setStroke(new BasicStroke(1f));
    g.drawLine(LEFT, plotBottom(), plotRight(), plotBottom());
    g.drawLine(LEFT, TOP, LEFT, plotBottom());
    g.drawString(yLabel, LEFT, TOP - 10);
    FontMetrics m = g.getFontMetrics();
    g.drawString(xLabel, (LEFT + plotRight() - m.stringWidth(xLabel)) / 2, HEIGHT - 20);
  }

  /** A round upper end for a count axis of five ticks: 5 x (1, 2, 2.5 or 5 x 10^k), at least {@code max}. */
  static double niceMax(double max) {
    double raw = Math.max(max, 5) / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw) {
        return 5 * m * magnitude;
      }
    }
    return 50 * magnitude;
  }

  /** The pixel row of a value, clamped to the plot area. */
  double y(double value) {
    double v = Math.max(yMin, Math.min(yMax, value));
    return plotBottom() - (v - yMin) / (yMax - yMin) * (plotBottom() - TOP);
  }

  /** Draws {@code text} centred on {@code x}, just below the x axis (shortened to {@code width}). */
  void tickLabel(String text, double x, int width, int line) {
    g.setColor(INK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    String s = fit(text, width);
    int w = g.getFontMetrics().stringWidth(s);
    g.drawString(s, (int) Math.round(x - w / 2.0), plotBottom() + 16 + 14 * line);
  }

  /** A small legend in the top-right corner of the plot area. */
  void legend(String[] labels, Color[] colors) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int y = TOP + 16;
    for (int i = 0; i < labels.length; i++) {
      int w = g.getFontMetrics().stringWidth(labels[i]);
      int x = plotRight() - w - 30;
      g.setColor(colors[i]);
      g.fillRect(x, y - 9, 18, 10);
      g.setColor(INK);
      g.drawString(labels[i], x + 24, y);
      y += 18;
    }
  }

  /** A centred grey note in the plot area, for charts without data (said, never left blank). */
  void emptyNote(String note) {
    g.setColor(GREY);
    g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 14));
    String s = fit(note, plotRight() - LEFT - 20);
    int w = g.getFontMetrics().stringWidth(s);
    g.drawString(s, (LEFT + plotRight() - w) / 2, (TOP + plotBottom()) / 2);
  }

  private String fit(String text, int width) {
    FontMetrics m = g.getFontMetrics();
    if (m.stringWidth(text) <= width) {
      return text;
    }
    String s = text;
    while (s.length() > 1 && m.stringWidth(s + "…") > width) {
      s = s.substring(0, s.length() - 1);
    }
    return s + "…";
  }

  void write(Path png) {
    g.dispose();
    try {
      Files.createDirectories(png.toAbsolutePath().getParent());
      if (!ImageIO.write(image, "png", png.toFile())) {
        throw new IOException("no PNG writer in this JDK");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(png + ": cannot write the chart (" + e.getMessage() + ")", e);
    }
  }
}

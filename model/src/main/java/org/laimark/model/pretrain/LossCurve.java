package org.laimark.model.pretrain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training loss per step, appended to a CSV as it is measured (a run stopped early still leaves its
 * curve) and kept in memory for the plot and the model card.
 */
public final class LossCurve implements AutoCloseable {

  /** One row: the step's batch-mean loss over completion tokens, and what the step cost. */
  public record Point(long step, double loss, double learningRate, double gradNorm, long tokens,
      double elapsedSeconds) {}

  public static final String HEADER = "step,loss,learning_rate,grad_norm,tokens,elapsed_seconds";

  private final Path file;
  private final BufferedWriter out;
  private final List<Point> points = new ArrayList<>();

  public LossCurve(Path file) {
    this.file = file;
    try {
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      out.write(HEADER);
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the loss curve (" + e.getMessage() + ")", e);
    }
  }

  public void add(Point p) {
    points.add(p);
    try {
      out.write(String.format(Locale.ROOT, "%d,%.6f,%.6g,%.6g,%d,%.2f", p.step(), p.loss(), p.learningRate(),
          p.gradNorm(), p.tokens(), p.elapsedSeconds()));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot append to the loss curve (" + e.getMessage() + ")", e);
    }
  }

  public List<Point> points() {
    return List.copyOf(points);
  }

  /** Mean loss of the last {@code window} steps (the loss a card reports, less noisy than one step). */
  public double recentMeanLoss(int window) {
    if (points.isEmpty()) {
      return Double.NaN;
    }
    List<Point> tail = points.subList(Math.max(0, points.size() - window), points.size());
    return tail.stream().mapToDouble(Point::loss).average().orElse(Double.NaN);
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot close the loss curve (" + e.getMessage() + ")", e);
    }
  }
}

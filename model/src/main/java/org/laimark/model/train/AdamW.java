package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, arXiv 1711.05101), the same arithmetic as
 * PyTorch's non-fused {@code torch.optim.AdamW}: {@code p *= 1 - lr*wd}; {@code m = b1*m + (1-b1)*g}; {@code v
 * = b2*v + (1-b2)*g^2}; {@code p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}. Updates the trainable
 * parameters in place from their gradients; the moments live in this optimizer's own NDManager, so that
 * {@link #state()} and {@link #loadState} can checkpoint them exactly.
 */
public final class AdamW implements AutoCloseable {

  /** PyTorch's defaults except weight decay, which is TRL's default of 0. */
  public record Settings(double beta1, double beta2, double epsilon, double weightDecay) {
    public Settings {
      if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
        throw new IllegalArgumentException(
            "AdamW betas must be in [0, 1), got " + beta1 + " and " + beta2);
      }
      if (epsilon <= 0 || weightDecay < 0) {
        throw new IllegalArgumentException(
            "AdamW needs epsilon > 0 and weightDecay >= 0, got " + epsilon + " and " + weightDecay);
      }
    }

    public static Settings defaults() {
      return new Settings(0.9, 0.999, 1e-8, 0.0);
    }
  }

  private static final String FIRST = "exp_avg.";
  private static final String SECOND = "exp_avg_sq.";

  private final Settings settings;
  private final NDManager manager;
  private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
  private long steps;

  public AdamW(Map<String, NDArray> parameters, Settings settings, NDManager parent) {
    this.settings = settings;
    this.manager = parent.newSubManager();
    parameters.forEach(
        (name, p) -> {
          firstMoments.put(name, manager.zeros(p.getShape(), p.getDataType()));
          secondMoments.put(name, manager.zeros(p.getShape(), p.getDataType()));
        });
  }

  /** Optimizer steps taken so far (PyTorch's {@code state['step']}). */
  public long steps() {
    return steps;
  }

  /**
   * Applies one update with the gradients the parameters hold. The parameters are passed each time (by the
   * names given at construction) because loading an adapter may replace the model's arrays.
   */
  public void step(Map<String, NDArray> parameters, double learningRate) {
    if (!parameters.keySet().equals(firstMoments.keySet())) {
      throw new IllegalArgumentException(
          "AdamW was built for parameters " + firstMoments.keySet() + ", got " + parameters.keySet());
    }
    steps++;
    double bias1 = 1 - Math.pow(settings.beta1(), steps);
    double bias2Sqrt = Math.sqrt(1 - Math.pow(settings.beta2(), steps));
    for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
      NDArray p = entry.getValue();
      NDArray m = firstMoments.get(entry.getKey());
      NDArray v = secondMoments.get(entry.getKey());
      try (NDScope scope = new NDScope()) {
        NDArray g = p.getGradient();
        if (settings.weightDecay() > 0) {
          p.muli(1 - learningRate * settings.weightDecay());
        }
        m.muli(settings.beta1()).addi(g.mul(1 - settings.beta1()));
        v.muli(settings.beta2()).addi(g.mul(g).muli(1 - settings.beta2()));
        NDArray denominator = v.sqrt().divi(bias2Sqrt).addi(settings.epsilon());
        p.subi(m.div(denominator).muli(learningRate / bias1));
        scope.suppressNotUsedWarning();
      }
    }
  }

  /** The moments by PyTorch's state names ({@code exp_avg.NAME}, {@code exp_avg_sq.NAME}). */
  public Map<String, NDArray> state() {
    Map<String, NDArray> state = new LinkedHashMap<>();
    firstMoments.forEach((name, m) -> state.put(FIRST + name, m));
    secondMoments.forEach((name, v) -> state.put(SECOND + name, v));
    return state;
  }

  /** Restores {@link #state()} and the step count; every moment must be present with its shape. */
  public void loadState(Map<String, NDArray> state, long restoredSteps) {
    copyInto(firstMoments, FIRST, state);
    copyInto(secondMoments, SECOND, state);
    this.steps = restoredSteps;
  }

  private static void copyInto(Map<String, NDArray> moments, String prefix, Map<String, NDArray> state) {
    moments.forEach(
        (name, moment) -> {
          NDArray saved = state.get(prefix + name);
          if (saved == null || !saved.getShape().equals(moment.getShape())) {
            throw new IllegalArgumentException(
                "optimizer state "
                    + prefix
                    + name
                    + (saved == null ? " is missing" : " has shape " + saved.getShape())
                    + ", expected shape "
                    + moment.getShape());
          }
          saved.copyTo(moment);
        });
  }

  @Override
  public void close() {
    manager.close();
  }
}

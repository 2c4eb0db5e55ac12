package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.Collection;

/** Gradient hygiene between optimizer steps: global-norm clipping and zeroing. */
public final class GradientClipping {

  private GradientClipping() {}

  /**
   * Scales all gradients by {@code maxNorm / (norm + 1e-6)} when their global L2 norm exceeds {@code
   * maxNorm}, as {@code torch.nn.utils.clip_grad_norm_}; returns the norm before clipping (a non-finite
   * norm is returned as is and the gradients are left alone, so the caller can skip the step).
   */
  public static double clipGlobalNorm(Collection<NDArray> parameters, double maxNorm) {
    double squares = 0;
    try (NDScope scope = new NDScope()) {
      for (NDArray p : parameters) {
        NDArray g = p.getGradient();
        squares += GrpoLoss.sumOf(g.mul(g));
      }
      double norm = Math.sqrt(squares);
      if (Double.isFinite(norm) && maxNorm > 0 && norm > maxNorm) {
        double scale = maxNorm / (norm + 1e-6);
        for (NDArray p : parameters) {
          p.getGradient().muli(scale);
        }
      }
      scope.suppressNotUsedWarning();
      return norm;
    }
  }

  /** Sets every gradient to zero in place (PyTorch accumulates into {@code .grad} across backwards). */
  public static void zero(Collection<NDArray> parameters) {
    try (NDScope scope = new NDScope()) {
      for (NDArray p : parameters) {
        p.getGradient().set(new NDIndex("..."), 0);
      }
      scope.suppressNotUsedWarning();
    }
  }
}

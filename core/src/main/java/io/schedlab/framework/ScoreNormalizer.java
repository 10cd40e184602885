package io.schedlab.framework;

/** Shared NormalizeScore helpers, as upstream's plugins/helper package. */
public final class ScoreNormalizer {
  private ScoreNormalizer() {}

  /**
   * Upstream's DefaultNormalizeScore: scales scores so the largest becomes {@code maxPriority}
   * (integer division), optionally reversed; when every score is 0, all become {@code
   * maxPriority} if reversed and stay 0 otherwise.
   */
  public static void defaultNormalize(long maxPriority, boolean reverse, long[] scores) {
    long max = 0;
    for (long s : scores) {
      if (s > max) {
        max = s;
      }
    }
    if (max == 0) {
      if (reverse) {
        java.util.Arrays.fill(scores, maxPriority);
      }
      return;
    }
    for (int i = 0; i < scores.length; i++) {
      long s = maxPriority * scores[i] / max;
      scores[i] = reverse ? maxPriority - s : s;
    }
  }
}

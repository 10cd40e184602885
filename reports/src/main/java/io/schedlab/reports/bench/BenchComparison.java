package io.schedlab.reports.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results set against a baseline: for each benchmark in both, the change and a verdict. A change
 * counts only when the two scores' error intervals do not overlap (|Δ| > error + baseline error);
 * then it is a regression when the score moved the wrong way for its mode (down for throughput,
 * up for time), else an improvement. Without an error on either side (JMH reports none for too
 * few iterations) no verdict is possible: NO_ERROR.
 */
public final class BenchComparison {
  public enum Verdict { REGRESSION, IMPROVEMENT, WITHIN_ERROR, NO_ERROR, NEW, UNIT_CHANGED }

  /** One benchmark's row. {@code baseline} is null when the baseline lacks it. */
  public record Row(JmhResult result, JmhResult baseline, double changePercent, Verdict verdict) {}

  private BenchComparison() {}

  public static List<Row> compare(List<JmhResult> results, List<JmhResult> baseline) {
    Map<String, JmhResult> base = new LinkedHashMap<>();
    for (JmhResult b : baseline) {
      base.put(b.key() + " " + b.mode(), b);
    }
    List<Row> out = new ArrayList<>();
    for (JmhResult r : results) {
      JmhResult b = base.get(r.key() + " " + r.mode());
      if (b == null) {
        out.add(new Row(r, null, Double.NaN, Verdict.NEW));
        continue;
      }
      if (!b.unit().equals(r.unit())) {
        out.add(new Row(r, b, Double.NaN, Verdict.UNIT_CHANGED));
        continue;
      }
      double delta = r.score() - b.score();
      double change = b.score() == 0 ? Double.NaN : 100 * delta / b.score();
      double margin = r.error() + b.error();
      Verdict v;
      if (!Double.isFinite(margin)) {
        v = Verdict.NO_ERROR;
      } else if (Math.abs(delta) <= margin) {
        v = Verdict.WITHIN_ERROR;
      } else {
        boolean better = r.higherIsBetter() ? delta > 0 : delta < 0;
        v = better ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
      }
      out.add(new Row(r, b, change, v));
    }
    return out;
  }
}

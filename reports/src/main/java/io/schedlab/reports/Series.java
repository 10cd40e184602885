package io.schedlab.reports;

import java.util.Arrays;

/**
 * A series of one run: x values {@code t} and values, same length, {@code t} non-decreasing. In
 * compare {@code t} is virtual seconds; a caller charting another x axis (the FGD experiment's
 * arrived workload) names it with {@link ComparisonReport.LineChart#xLabel()}.
 */
public record Series(String name, String unit, double[] t, double[] v) {
  public Series {
    if (t.length != v.length) {
      throw new IllegalArgumentException("series " + name + ": " + t.length + " times but "
          + v.length + " values");
    }
    t = t.clone();
    v = v.clone();
  }

  public int size() {
    return t.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s && s.name.equals(name) && s.unit.equals(unit)
        && Arrays.equals(s.t, t) && Arrays.equals(s.v, v);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(v);
  }
}

package io.schedlab.reports;

import java.util.Arrays;

/** A time series of one run: virtual seconds and values, same length, times non-decreasing. */
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

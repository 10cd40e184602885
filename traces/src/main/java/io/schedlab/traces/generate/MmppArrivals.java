package io.schedlab.traces.generate;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Markov-modulated Poisson process: a continuous-time Markov chain over states, each with its
 * own arrival rate. In state i arrivals come at {@code rates[i]} per second and the chain moves to
 * state j at {@code switching[i][j]} per second. Both clocks are memoryless, so after a switch
 * the next arrival is drawn afresh in the new state.
 */
public final class MmppArrivals implements ArrivalProcess {
  private final RandomGenerator random;
  private final double[] rates;
  private final double[][] switching;
  private final double[] leaveRate;
  private int state;
  private double nowSeconds;

  /**
   * @param rates arrival rate per state (per second, non-negative, not all zero)
   * @param switching switching rates per second; the diagonal is ignored; every state with a zero
   *     arrival rate must be left at some positive rate
   * @param initialState the state at {@code startSeconds}
   */
  public MmppArrivals(
      double[] rates, double[][] switching, int initialState, double startSeconds, RandomGenerator random) {
    int n = rates.length;
    if (n == 0) {
      throw new IllegalArgumentException("at least one state is needed");
    }
    if (switching.length != n) {
      throw new IllegalArgumentException("switching must have one row per state (" + n + "), got " + switching.length);
    }
    this.leaveRate = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(rates[i] >= 0) || Double.isInfinite(rates[i])) {
        throw new IllegalArgumentException("rate of state " + i + " must be a non-negative number, got " + rates[i]);
      }
      if (switching[i].length != n) {
        throw new IllegalArgumentException("switching row " + i + " must have " + n + " entries, got " + switching[i].length);
      }
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double r = switching[i][j];
          if (!(r >= 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("switching rate " + i + "->" + j + " must be a non-negative number, got " + r);
          }
          leaveRate[i] += r;
        }
      }
      if (rates[i] == 0 && leaveRate[i] == 0) {
        throw new IllegalArgumentException("state " + i + " has no arrivals and is never left");
      }
    }
    if (initialState < 0 || initialState >= n) {
      throw new IllegalArgumentException("initial state must be in [0, " + (n - 1) + "], got " + initialState);
    }
    this.random = random;
    this.rates = rates.clone();
    this.switching = new double[n][];
    for (int i = 0; i < n; i++) {
      this.switching[i] = switching[i].clone();
    }
    this.state = initialState;
    this.nowSeconds = startSeconds;
  }

  /** The state the chain is in after the last arrival returned. */
  public int state() {
    return state;
  }

  @Override
  public long nextNanos() {
    while (true) {
      double rate = rates[state];
      double leave = leaveRate[state];
      double toArrival = rate > 0 ? Exponentials.draw(random, rate) : Double.POSITIVE_INFINITY;
      double toSwitch = leave > 0 ? Exponentials.draw(random, leave) : Double.POSITIVE_INFINITY;
      if (toArrival <= toSwitch) {
        nowSeconds += toArrival;
        return ArrivalProcess.toNanos(nowSeconds);
      }
      nowSeconds += toSwitch;
      state = nextState(state, leave);
    }
  }

  private int nextState(int from, double leave) {
    double u = random.nextDouble() * leave;
    double[] row = switching[from];
    int last = from;
    for (int j = 0; j < row.length; j++) {
      if (j == from || row[j] == 0) {
        continue;
      }
      last = j;
      u -= row[j];
      if (u < 0) {
        return j;
      }
    }
    return last; // rounding left u just above zero
  }
}

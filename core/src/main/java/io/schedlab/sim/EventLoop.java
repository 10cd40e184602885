package io.schedlab.sim;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * The single-threaded discrete-event loop that drives a simulation: the scheduler, kubelets and
 * controllers all run as events here, in virtual time.
 *
 * <p>Implementation note: pending events sit in a binary min-heap kept as parallel arrays — the
 * primitive keys {@code times[]} and {@code seqs[]} plus the {@code Timer[]} they belong to — so
 * comparisons never leave the primitive arrays and scheduling or polling is O(log n) with one
 * allocation (the {@link Timer}) per scheduled event. The key is (time, insertion sequence); the
 * sequence is unique, so the order is total and a run is reproducible: same-time events run in
 * the order they were scheduled. {@link Timer#cancel()} only marks the timer; the heap drops it
 * when it reaches the top, and compacts itself if cancelled entries come to dominate. A periodic
 * timer is re-queued (with a fresh sequence) just before its action runs, so it keeps ticking even
 * if one run throws, and an action may cancel its own timer.
 */
public final class EventLoop {
  private static final int INITIAL_CAPACITY = 64;
  private static final int COMPACT_MIN_CANCELLED = 1024;

  private final VirtualClock clock;
  private long[] times = new long[INITIAL_CAPACITY];
  private long[] seqs = new long[INITIAL_CAPACITY];
  private Timer[] timers = new Timer[INITIAL_CAPACITY];
  private int size;
  private int cancelledInHeap;
  private int live;
  private long nextSeq;
  private long eventsRun;
  private boolean running;

  public EventLoop() {
    this(new VirtualClock());
  }

  public EventLoop(VirtualClock clock) {
    if (clock == null) {
      throw new IllegalArgumentException("EventLoop clock: expected a VirtualClock, got null");
    }
    this.clock = clock;
  }

  public VirtualClock clock() {
    return clock;
  }

  public long nowNanos() {
    return clock.nowNanos();
  }

  /** Runs {@code action} at absolute virtual time {@code atNanos}, which must not be in the past. */
  public Timer schedule(long atNanos, String label, Runnable action) {
    checkAction(label, action);
    if (atNanos < clock.nowNanos()) {
      throw new IllegalArgumentException("cannot schedule \"" + label + "\" at "
          + Durations.format(atNanos) + ": that is before now (" + Durations.format(clock.nowNanos())
          + ")");
    }
    Timer timer = new Timer(this, label, action, 0, atNanos);
    push(timer, atNanos);
    live++;
    return timer;
  }

  /** Runs {@code action} {@code delayNanos} from now; 0 means after the events already due now. */
  public Timer after(long delayNanos, String label, Runnable action) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("cannot schedule \"" + label + "\" after "
          + Durations.format(delayNanos) + ": the delay must not be negative");
    }
    return schedule(offset(delayNanos, label), label, action);
  }

  /** Runs {@code action} every {@code periodNanos}, first at now + period. */
  public Timer every(long periodNanos, String label, Runnable action) {
    return every(periodNanos, periodNanos, label, action);
  }

  /** Runs {@code action} every {@code periodNanos}, first at now + {@code initialDelayNanos}. */
  public Timer every(long periodNanos, long initialDelayNanos, String label, Runnable action) {
    checkAction(label, action);
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("cannot schedule \"" + label + "\" every "
          + Durations.format(periodNanos) + ": the period must be positive");
    }
    if (initialDelayNanos < 0) {
      throw new IllegalArgumentException("cannot schedule \"" + label + "\" after "
          + Durations.format(initialDelayNanos) + ": the initial delay must not be negative");
    }
    long at = offset(initialDelayNanos, label);
    Timer timer = new Timer(this, label, action, periodNanos, at);
    push(timer, at);
    live++;
    return timer;
  }

  /** An executor that runs each task as an event due now, after the events already due now. */
  public Executor executor(String label) {
    return task -> after(0, label, task);
  }

  /**
   * Runs the next event: advances the clock to its time and runs its action. Returns false if no
   * event is pending.
   *
   * @throws SimulationException wrapping what the action threw; the event counts as run
   */
  public boolean step() {
    if (running) {
      throw new IllegalStateException("EventLoop.step() called from inside an event action");
    }
    Timer timer = pollLive();
    if (timer == null) {
      return false;
    }
    long at = timer.atNanos;
    clock.advanceTo(at);
    if (timer.periodNanos > 0) {
      long next = at + timer.periodNanos;
      if (next < at) { // overflow: a period this long never fires again
        timer.state = Timer.FIRED;
        live--;
      } else {
        timer.atNanos = next;
        push(timer, next);
      }
    } else {
      timer.state = Timer.FIRED;
      live--;
    }
    eventsRun++;
    running = true;
    try {
      timer.action.run();
    } catch (RuntimeException e) {
      throw new SimulationException(timer.label, at, e);
    } finally {
      running = false;
    }
    return true;
  }

  /** Runs every event due at or before {@code tNanos}, then sets the clock to {@code tNanos}. */
  public void runUntil(long tNanos) {
    if (tNanos < clock.nowNanos()) {
      throw new IllegalArgumentException("cannot run until " + Durations.format(tNanos)
          + ": that is before now (" + Durations.format(clock.nowNanos()) + ")");
    }
    while (nextEventNanos() <= tNanos) {
      step();
    }
    clock.advanceTo(tNanos);
  }

  /** Runs events until none is pending. Never returns while a periodic timer is active. */
  public void runUntilIdle() {
    while (step()) {
      // each step runs one event
    }
  }

  /**
   * Runs events until none is pending, but at most {@code maxEvents}; returns how many ran.
   *
   * @throws IllegalStateException if events are still pending after {@code maxEvents}
   */
  public long runUntilIdle(long maxEvents) {
    long ran = 0;
    while (ran < maxEvents) {
      if (!step()) {
        return ran;
      }
      ran++;
    }
    Timer next = peekLive();
    if (next != null) {
      throw new IllegalStateException("event loop still busy after " + maxEvents
          + " events: next is \"" + next.label + "\" at " + Durations.format(next.atNanos)
          + ", " + live + " pending");
    }
    return ran;
  }

  /** The time of the next pending event, or {@link Long#MAX_VALUE} if none is pending. */
  public long nextEventNanos() {
    Timer next = peekLive();
    return next == null ? Long.MAX_VALUE : next.atNanos;
  }

  /** Pending events, cancelled ones excluded; a periodic timer counts once. */
  public int pending() {
    return live;
  }

  /** Events run since the loop was created. */
  public long eventsRun() {
    return eventsRun;
  }

  void onCancel() {
    live--;
    cancelledInHeap++;
    if (cancelledInHeap >= COMPACT_MIN_CANCELLED && cancelledInHeap > size / 2) {
      compact();
    }
  }

  private long offset(long delayNanos, String label) {
    long at = clock.nowNanos() + delayNanos;
    if (at < 0) {
      throw new IllegalArgumentException("cannot schedule \"" + label + "\" after "
          + Durations.format(delayNanos) + ": the time overflows");
    }
    return at;
  }

  private static void checkAction(String label, Runnable action) {
    if (label == null) {
      throw new IllegalArgumentException("event label: expected text, got null");
    }
    if (action == null) {
      throw new IllegalArgumentException("event \"" + label + "\": expected an action, got null");
    }
  }

  private Timer peekLive() {
    while (size > 0 && timers[0].state == Timer.CANCELLED) {
      removeTop();
      cancelledInHeap--;
    }
    return size == 0 ? null : timers[0];
  }

  private Timer pollLive() {
    Timer top = peekLive();
    if (top != null) {
      removeTop();
    }
    return top;
  }

  private void push(Timer timer, long at) {
    if (size == times.length) {
      int capacity = size * 2;
      times = Arrays.copyOf(times, capacity);
      seqs = Arrays.copyOf(seqs, capacity);
      timers = Arrays.copyOf(timers, capacity);
    }
    siftUp(size++, at, nextSeq++, timer);
  }

  private void removeTop() {
    int last = --size;
    long t = times[last];
    long s = seqs[last];
    Timer timer = timers[last];
    timers[last] = null;
    if (last > 0) {
      siftDown(0, t, s, timer);
    }
  }

  private void siftUp(int index, long t, long s, Timer timer) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pt = times[parent];
      if (pt < t || (pt == t && seqs[parent] < s)) {
        break;
      }
      times[i] = pt;
      seqs[i] = seqs[parent];
      timers[i] = timers[parent];
      i = parent;
    }
    times[i] = t;
    seqs[i] = s;
    timers[i] = timer;
  }

  private void siftDown(int index, long t, long s, Timer timer) {
    int i = index;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size
          && (times[right] < times[child]
              || (times[right] == times[child] && seqs[right] < seqs[child]))) {
        child = right;
      }
      long ct = times[child];
      if (t < ct || (t == ct && s < seqs[child])) {
        break;
      }
      times[i] = ct;
      seqs[i] = seqs[child];
      timers[i] = timers[child];
      i = child;
    }
    times[i] = t;
    seqs[i] = s;
    timers[i] = timer;
  }

  /** Drops cancelled entries and rebuilds the heap; the (time, seq) order is unchanged. */
  private void compact() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (timers[i].state != Timer.CANCELLED) {
        times[kept] = times[i];
        seqs[kept] = seqs[i];
        timers[kept] = timers[i];
        kept++;
      }
    }
    Arrays.fill(timers, kept, size, null);
    size = kept;
    cancelledInHeap = 0;
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i, times[i], seqs[i], timers[i]);
    }
  }

  @Override
  public String toString() {
    return "EventLoop[now=" + Durations.format(clock.nowNanos()) + ", pending=" + live
        + ", run=" + eventsRun + "]";
  }
}

package io.schedlab.framework;

import java.util.List;
import java.util.Objects;

/**
 * The result of a plugin call: a {@link Code}, the reasons upstream would report, and the plugin
 * that produced it. Immutable; {@link #SUCCESS} is shared so the hot path does not allocate.
 */
public final class Status {
  public static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), null, null);
  public static final Status SKIP = new Status(Code.SKIP, List.of(), null, null);

  private final Code code;
  private final List<String> reasons;
  private final String plugin;
  private final Throwable error;

  private Status(Code code, List<String> reasons, String plugin, Throwable error) {
    this.code = code;
    this.reasons = reasons;
    this.plugin = plugin;
    this.error = error;
  }

  public static Status of(Code code, String... reasons) {
    if (code == Code.SUCCESS && reasons.length == 0) {
      return SUCCESS;
    }
    return new Status(code, List.of(reasons), null, null);
  }

  public static Status of(Code code, List<String> reasons) {
    return new Status(code, List.copyOf(reasons), null, null);
  }

  public static Status unschedulable(String... reasons) {
    return of(Code.UNSCHEDULABLE, reasons);
  }

  public static Status unresolvable(String... reasons) {
    return of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, reasons);
  }

  public static Status waiting(String... reasons) {
    return of(Code.WAIT, reasons);
  }

  public static Status error(String message) {
    return new Status(Code.ERROR, List.of(message), null, null);
  }

  public static Status error(Throwable t) {
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    return new Status(Code.ERROR, List.of(message), null, t);
  }

  public Status withPlugin(String pluginName) {
    if (Objects.equals(pluginName, plugin)) {
      return this;
    }
    return new Status(code, reasons, pluginName, error);
  }

  public Code code() {
    return code;
  }

  public List<String> reasons() {
    return reasons;
  }

  /** The plugin that returned this status, or null when it was not set. */
  public String plugin() {
    return plugin;
  }

  public Throwable error() {
    return error;
  }

  public boolean isSuccess() {
    return code == Code.SUCCESS;
  }

  public boolean isSkip() {
    return code == Code.SKIP;
  }

  public boolean isWait() {
    return code == Code.WAIT;
  }

  /** Unschedulable, UnschedulableAndUnresolvable or Pending, as upstream's IsRejected. */
  public boolean isRejected() {
    return code == Code.UNSCHEDULABLE
        || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE
        || code == Code.PENDING;
  }

  /** The reasons joined by ", ", as upstream's Status.Message. */
  public String message() {
    return reasons.size() == 1 ? reasons.get(0) : String.join(", ", reasons);
  }

  @Override
  public String toString() {
    String m = message();
    return m.isEmpty() ? code.upstreamName() : code.upstreamName() + ": " + m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Status s
        && s.code == code
        && s.reasons.equals(reasons)
        && Objects.equals(s.plugin, plugin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, reasons, plugin);
  }
}

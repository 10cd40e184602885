package io.schedlab.framework;

/** The args type of plugins that take none. */
public record NoArgs() {
  public static final NoArgs INSTANCE = new NoArgs();
}

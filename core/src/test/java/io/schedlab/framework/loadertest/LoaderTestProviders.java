package io.schedlab.framework.loadertest;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginProvider;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ScorePlugin;

/**
 * Providers for PluginLoaderTest. The test copies this package's classes into jars and hides them
 * from the jars' parent class loader, so they load from the jar as a user's plugin would.
 */
public final class LoaderTestProviders {
  private LoaderTestProviders() {}

  /** Typed args with a default, to check that pluginConfig reaches a jar's plugin. */
  public record ConstantArgs(long score) {
    public static ConstantArgs defaults() {
      return new ConstantArgs(7);
    }
  }

  /** Scores every node with its args' score. */
  public static final class ConstantScore implements ScorePlugin {
    public static final String NAME = "ConstantScore";
    private final long score;

    public ConstantScore(ConstantArgs args) {
      this.score = args.score();
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
      return score;
    }
  }

  public static final class Good implements PluginProvider {
    @Override
    public void register(Registry registry) {
      registry.register(ConstantScore.NAME, ConstantScore.class, ConstantArgs.class,
          ConstantArgs::defaults, (args, handle) -> new ConstantScore(args));
    }
  }

  public static final class Throwing implements PluginProvider {
    @Override
    public void register(Registry registry) {
      throw new IllegalStateException("boom");
    }
  }

  public static final class FailsToConstruct implements PluginProvider {
    public FailsToConstruct() {
      throw new IllegalStateException("no settings");
    }

    @Override
    public void register(Registry registry) {}
  }

  /** Registers a name the base registry of the test already holds. */
  public static final class TakesBase implements PluginProvider {
    @Override
    public void register(Registry registry) {
      registry.register("Base", ConstantScore.class, ConstantArgs.class, ConstantArgs::defaults,
          (args, handle) -> new ConstantScore(args));
    }
  }

  /** Takes the same name as {@link TakesBase}, from another jar. */
  public static final class TakesBaseToo implements PluginProvider {
    @Override
    public void register(Registry registry) {
      new TakesBase().register(registry);
    }
  }
}

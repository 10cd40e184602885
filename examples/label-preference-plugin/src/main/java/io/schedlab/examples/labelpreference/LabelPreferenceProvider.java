package io.schedlab.examples.labelpreference;

import io.schedlab.framework.PluginProvider;
import io.schedlab.framework.Registry;

/**
 * What schedlab finds in this jar: listed in {@code
 * META-INF/services/io.schedlab.framework.PluginProvider}, it registers {@link LabelPreference}
 * under its name with its typed args and their defaults.
 */
public final class LabelPreferenceProvider implements PluginProvider {
  @Override
  public void register(Registry registry) {
    registry.register(LabelPreference.NAME, LabelPreference.class, LabelPreferenceArgs.class,
        LabelPreferenceArgs::defaults, (args, handle) -> new LabelPreference(args));
  }
}

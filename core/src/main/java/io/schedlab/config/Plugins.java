package io.schedlab.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code v1.Plugins}: one plugin set per extension point plus {@code multiPoint}, whose plugins
 * are added to every extension point they implement. Absent sets are null, as in the file.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plugins(
    PluginSet preEnqueue,
    PluginSet queueSort,
    PluginSet preFilter,
    PluginSet filter,
    PluginSet postFilter,
    PluginSet preScore,
    PluginSet score,
    PluginSet reserve,
    PluginSet permit,
    PluginSet preBind,
    PluginSet bind,
    PluginSet postBind,
    PluginSet multiPoint) {

  /** The set configured for {@code point}, or null when the file has none. */
  public PluginSet at(ExtensionPoint point) {
    return switch (point) {
      case PRE_ENQUEUE -> preEnqueue;
      case QUEUE_SORT -> queueSort;
      case PRE_FILTER -> preFilter;
      case FILTER -> filter;
      case POST_FILTER -> postFilter;
      case PRE_SCORE -> preScore;
      case SCORE -> score;
      case RESERVE -> reserve;
      case PERMIT -> permit;
      case PRE_BIND -> preBind;
      case BIND -> bind;
      case POST_BIND -> postBind;
    };
  }
}

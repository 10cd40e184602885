package io.schedlab.plugins.gpushare;

import io.schedlab.framework.PluginArgsException;
import java.util.function.BiFunction;

/** Reads the GPU plugins' enum-like args, turning a parse failure into a PluginArgsException. */
final class GpuPluginArgs {
  private GpuPluginArgs() {}

  static GpuSelection selection(String field, String text) {
    return parse(field, text, GpuSelection::parse);
  }

  static DotProduct.DimExt dimExt(String field, String text) {
    return parse(field, text, DotProduct.DimExt::parse);
  }

  static DotProduct.Norm norm(String field, String text) {
    return parse(field, text, DotProduct.Norm::parse);
  }

  /** The parsers name the field themselves; the exception carries it separately. */
  private static <T> T parse(String field, String text, BiFunction<String, String, T> parser) {
    try {
      return parser.apply(field, text);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String prefix = field + ": ";
      throw new PluginArgsException(field,
          message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }
  }
}

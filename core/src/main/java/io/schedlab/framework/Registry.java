package io.schedlab.framework;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.config.ExtensionPoint;
import io.schedlab.config.PluginCatalog;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Plugin names to factories with typed args, as upstream's runtime.Registry. The stages a plugin
 * serves are read off the interfaces its class implements, so configuration can be validated
 * without building anything. Duplicate names are rejected.
 */
public final class Registry implements PluginCatalog {
  /** One registered plugin. {@code defaults} gives upstream's default args. */
  public record Registration<A>(
      String name,
      Class<? extends Plugin> type,
      Class<A> argsType,
      Supplier<A> defaults,
      PluginFactory<A> factory,
      Set<ExtensionPoint> extensionPoints) {}

  private static final ObjectMapper ARGS_MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

  private final Map<String, Registration<?>> registrations = new LinkedHashMap<>();

  public <A> Registry register(
      String name,
      Class<? extends Plugin> type,
      Class<A> argsType,
      Supplier<A> defaults,
      PluginFactory<A> factory) {
    if (registrations.containsKey(name)) {
      throw new IllegalArgumentException("a plugin named \"" + name + "\" already exists");
    }
    registrations.put(
        name, new Registration<>(name, type, argsType, defaults, factory, stagesOf(type)));
    return this;
  }

  public Registry register(String name, Class<? extends Plugin> type, Function<Handle, Plugin> factory) {
    return register(name, type, NoArgs.class, () -> NoArgs.INSTANCE, (a, h) -> factory.apply(h));
  }

  /** Adds every registration of {@code other}; a name in both is an error. */
  public Registry merge(Registry other) {
    for (Registration<?> r : other.registrations.values()) {
      registerCopy(r);
    }
    return this;
  }

  private <A> void registerCopy(Registration<A> r) {
    register(r.name(), r.type(), r.argsType(), r.defaults(), r.factory());
  }

  public Registration<?> get(String name) {
    return registrations.get(name);
  }

  public Collection<Registration<?>> registrations() {
    return Collections.unmodifiableCollection(registrations.values());
  }

  @Override
  public boolean contains(String name) {
    return registrations.containsKey(name);
  }

  @Override
  public Set<ExtensionPoint> extensionPoints(String name) {
    Registration<?> r = registrations.get(name);
    return r == null ? Set.of() : r.extensionPoints();
  }

  @Override
  public Collection<String> names() {
    return Collections.unmodifiableSet(registrations.keySet());
  }

  /**
   * Builds a plugin. The user's args are laid over the defaults field by field (objects merge,
   * lists and scalars replace), then read as the typed args; unknown or mistyped fields fail
   * with the field named.
   */
  public Plugin create(String name, JsonNode userArgs, Handle handle) {
    Registration<?> r = registrations.get(name);
    if (r == null) {
      throw new PluginArgsException("", "unknown plugin \"" + name + "\"").inPlugin(name);
    }
    return build(r, userArgs, handle);
  }

  private <A> Plugin build(Registration<A> r, JsonNode userArgs, Handle handle) {
    A args = decodeArgs(r, userArgs);
    try {
      return r.factory().create(args, handle);
    } catch (PluginArgsException e) {
      throw e.inPlugin(r.name());
    }
  }

  /** The typed args for a plugin: defaults with the user's args laid over them. */
  public static <A> A decodeArgs(Registration<A> r, JsonNode userArgs) {
    A defaults = r.defaults().get();
    if (userArgs == null || userArgs.isNull() || userArgs.isMissingNode()) {
      return defaults;
    }
    if (r.argsType() == NoArgs.class) {
      if (userArgs.isObject() && userArgs.size() > 0) {
        throw new PluginArgsException("", "takes no args").inPlugin(r.name());
      }
      return defaults;
    }
    JsonNode base = ARGS_MAPPER.valueToTree(defaults);
    JsonNode merged = mergeInto(base.deepCopy(), withoutTypeMeta(userArgs));
    try {
      return ARGS_MAPPER.treeToValue(merged, r.argsType());
    } catch (MismatchedInputException e) {
      throw new PluginArgsException(path(e), firstLine(e.getOriginalMessage())).inPlugin(r.name());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PluginArgsException("", firstLine(e.getOriginalMessage())).inPlugin(r.name());
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new PluginArgsException("", firstLine(cause.getMessage())).inPlugin(r.name());
    }
  }

  private static JsonNode withoutTypeMeta(JsonNode args) {
    if (args.isObject()) {
      ObjectNode copy = ((ObjectNode) args).deepCopy();
      copy.remove("apiVersion");
      copy.remove("kind");
      return copy;
    }
    return args;
  }

  private static JsonNode mergeInto(JsonNode base, JsonNode over) {
    if (!(base instanceof ObjectNode b) || !over.isObject()) {
      return over;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = b.get(e.getKey());
      b.set(e.getKey(), existing == null ? e.getValue() : mergeInto(existing, e.getValue()));
    }
    return b;
  }

  private static String path(MismatchedInputException e) {
    StringBuilder sb = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid value";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The extension points a plugin class implements. */
  public static Set<ExtensionPoint> stagesOf(Class<?> type) {
    EnumSet<ExtensionPoint> s = EnumSet.noneOf(ExtensionPoint.class);
    if (PreEnqueuePlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.PRE_ENQUEUE);
    if (QueueSortPlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.QUEUE_SORT);
    if (PreFilterPlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.PRE_FILTER);
    if (FilterPlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.FILTER);
    if (PostFilterPlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.POST_FILTER);
    if (PreScorePlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.PRE_SCORE);
    if (ScorePlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.SCORE);
    if (ReservePlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.RESERVE);
    if (PermitPlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.PERMIT);
    if (PreBindPlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.PRE_BIND);
    if (BindPlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.BIND);
    if (PostBindPlugin.class.isAssignableFrom(type)) s.add(ExtensionPoint.POST_BIND);
    return Collections.unmodifiableSet(s);
  }
}

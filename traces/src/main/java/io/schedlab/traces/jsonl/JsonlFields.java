package io.schedlab.traces.jsonl;

/** The native format's field names and event type names, shared by reader and writer. */
final class JsonlFields {
  static final String FORMAT_NAME = "schedlab-trace";

  static final String FORMAT = "format";
  static final String VERSION = "version";
  static final String FROM = "from";
  static final String SOURCE = "source";
  static final String ATTRIBUTES = "attributes";

  static final String T = "t";
  static final String TYPE = "type";
  static final String NODE = "node";
  static final String POD = "pod";
  static final String NAME = "name";
  static final String NAMESPACE = "namespace";
  static final String REASON = "reason";
  static final String DURATION = "durationNanos";
  static final String USAGE = "usage";
  static final String DEPENDS_ON = "dependsOn";

  static final String NODE_ADDED = "NodeAdded";
  static final String NODE_UPDATED = "NodeUpdated";
  static final String NODE_REMOVED = "NodeRemoved";
  static final String POD_SUBMITTED = "PodSubmitted";
  static final String POD_DELETED = "PodDeleted";

  private JsonlFields() {}
}

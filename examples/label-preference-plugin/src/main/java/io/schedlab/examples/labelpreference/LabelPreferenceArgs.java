package io.schedlab.examples.labelpreference;

import java.util.Map;

/**
 * The args of {@link LabelPreference}, read from the profile's {@code pluginConfig}:
 *
 * <pre>{@code
 * - name: LabelPreference
 *   args:
 *     labelKey: example.schedlab.io/disk
 *     valueScores: {ssd: 100, hdd: 40}
 *     otherScore: 0
 * }</pre>
 *
 * @param labelKey the node label to read; required
 * @param valueScores the score, 0 to 100, of a node whose label has that value
 * @param otherScore the score of a node without the label or with an unlisted value
 */
public record LabelPreferenceArgs(String labelKey, Map<String, Long> valueScores, long otherScore) {
  /** What a field left out of the profile takes; schedlab lays the user's args over it. */
  public static LabelPreferenceArgs defaults() {
    return new LabelPreferenceArgs("", Map.of(), 0);
  }
}

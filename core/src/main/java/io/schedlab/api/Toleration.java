package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.Toleration}. An empty operator means Equal. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Toleration(
    String key,
    String operator,
    String value,
    String effect,
    Long tolerationSeconds) {
}

package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code v1.ServiceAccount}. Since Kubernetes 1.24 no token Secret is created for it, so the model
 * keeps only the object and its optional {@code automountServiceAccountToken}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceAccount(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Boolean automountServiceAccountToken,
    List<String> secrets) implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "ServiceAccount";

  public ServiceAccount {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    secrets = ApiCollections.list(secrets);
  }

  /** A ServiceAccount with the canonical apiVersion and kind and nothing else set. */
  public static ServiceAccount of(ObjectMeta metadata) {
    return new ServiceAccount(API_VERSION, KIND, metadata, null, null);
  }

  @Override
  public ServiceAccount withMetadata(ObjectMeta metadata) {
    return new ServiceAccount(apiVersion, kind, metadata, automountServiceAccountToken, secrets);
  }
}

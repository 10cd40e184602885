package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code v1.Container}. {@code resources} is never null. An init container with {@code
 * restartPolicy: Always} is a sidecar.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Container(
    String name,
    String image,
    List<String> command,
    List<String> args,
    ResourceRequirements resources,
    List<ContainerPort> ports,
    String restartPolicy) {

  public Container {
    command = ApiCollections.list(command);
    args = ApiCollections.list(args);
    resources = resources == null ? ResourceRequirements.EMPTY : resources;
    ports = ApiCollections.list(ports);
  }

  public Container withResources(ResourceRequirements resources) {
    return new Container(name, image, command, args, resources, ports, restartPolicy);
  }

  public Container withPorts(List<ContainerPort> ports) {
    return new Container(name, image, command, args, resources, ports, restartPolicy);
  }
}

package io.schedlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterStoreTest {
  private long now = 0;
  private final ClusterStore store = new ClusterStore(42, () -> now, Runnable::run);

  @Test
  void createStampsUidTimestampAndResourceVersion() {
    now = 3_700_000_000L;
    assertThat(store.resourceVersion()).isEqualTo(1);
    Widget created = store.create(Widget.of("default", "a", 1));

    ObjectMeta m = created.metadata();
    assertThat(m.resourceVersion()).isEqualTo("2");
    assertThat(m.creationTimestamp()).isEqualTo("2026-01-01T00:00:03Z");
    assertThat(UUID.fromString(m.uid()).version()).isEqualTo(4);
    assertThat(store.resourceVersion()).isEqualTo(2);
    assertThat(store.get(Widget.class, "default", "a")).isEqualTo(created);
    assertThat(store.count(Widget.class)).isEqualTo(1);
  }

  @Test
  void createKeepsAGivenUidAndCreationTimestamp() {
    ObjectMeta m = new ObjectMeta("a", null, "ns", "fixed-uid", null, null,
        "2025-06-01T12:00:00Z", null, null, null, null, null, null);
    Widget created = store.create(new Widget("test/v1", "Widget", m, 1));
    assertThat(created.metadata().uid()).isEqualTo("fixed-uid");
    assertThat(created.metadata().creationTimestamp()).isEqualTo("2025-06-01T12:00:00Z");
  }

  @Test
  void createRejectsATakenKey() {
    store.create(Widget.of("default", "a", 1));
    assertThatThrownBy(() -> store.create(Widget.of("default", "a", 2)))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("widgets \"default/a\" already exists")
        .satisfies(e -> {
          StoreException se = (StoreException) e;
          assertThat(se.resource()).isEqualTo("widgets");
          assertThat(se.key()).isEqualTo("default/a");
        });
    assertThat(store.get(Widget.class, "default", "a").size()).isEqualTo(1);
    assertThat(store.resourceVersion()).isEqualTo(2);
  }

  @Test
  void sameNameInAnotherNamespaceOrTypeIsADifferentKey() {
    store.create(Widget.of("x", "a", 1));
    store.create(Widget.of("y", "a", 2));
    store.create(Gadget.of("a"));
    assertThat(store.get(Widget.class, "x", "a").size()).isEqualTo(1);
    assertThat(store.get(Widget.class, "y", "a").size()).isEqualTo(2);
    assertThat(store.get(Gadget.class, null, "a").key()).isEqualTo("a");
    assertThat(store.get(Gadget.class, "", "a")).isNotNull();
    assertThat(store.get(Widget.class, null, "a")).isNull();
  }

  @Test
  void createRejectsAResourceVersion() {
    Widget withRv = Widget.of("default", "a", 1)
        .withMetadata(ObjectMeta.named("default", "a").withResourceVersion("7"));
    assertThatThrownBy(() -> store.create(withRv))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessage("widgets \"default/a\" is invalid: "
            + "resourceVersion should not be set on objects to be created");
  }

  @Test
  void createRequiresANameOrGenerateName() {
    assertThatThrownBy(() -> store.create(Widget.of("default", "", 1)))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("name or generateName is required");
    assertThatThrownBy(() -> store.create(new Widget("test/v1", "Widget", null, 1)))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("metadata: Required value");
  }

  @Test
  void generateNameAppendsFiveDeterministicCharacters() {
    Widget a = store.create(Widget.generated("default", "web-"));
    Widget b = store.create(Widget.generated("default", "web-"));
    for (Widget w : List.of(a, b)) {
      assertThat(w.metadata().name()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
    }
    assertThat(a.metadata().name()).isNotEqualTo(b.metadata().name());

    ClusterStore again = new ClusterStore(42, () -> 0L, Runnable::run);
    assertThat(again.create(Widget.generated("default", "web-")).metadata().name())
        .isEqualTo(a.metadata().name());
    ClusterStore otherSeed = new ClusterStore(43, () -> 0L, Runnable::run);
    assertThat(otherSeed.create(Widget.generated("default", "web-")).metadata().name())
        .isNotEqualTo(a.metadata().name());
  }

  @Test
  void generateNameTruncatesLongPrefixes() {
    String base = "x".repeat(70);
    Widget w = store.create(Widget.generated("default", base));
    assertThat(w.metadata().name()).hasSize(63).startsWith("x".repeat(58));
  }

  @Test
  void uidsAreDeterministicPerSeed() {
    List<String> first = createThree(new ClusterStore(7, () -> 0L, Runnable::run));
    List<String> second = createThree(new ClusterStore(7, () -> 0L, Runnable::run));
    List<String> other = createThree(new ClusterStore(8, () -> 0L, Runnable::run));
    assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
    assertThat(other).doesNotContainAnyElementsOf(first);
  }

  private static List<String> createThree(ClusterStore s) {
    List<String> uids = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      uids.add(s.create(Widget.of("ns", name, 0)).metadata().uid());
    }
    return uids;
  }

  @Test
  void listsAreSortedByKeyAndFilterByNamespace() {
    for (String key : List.of("b/z", "a/y", "ab/x", "a/b", "b/a")) {
      String[] parts = key.split("/");
      store.create(Widget.of(parts[0], parts[1], 0));
    }
    assertThat(keys(store.list(Widget.class))).containsExactly("a/b", "a/y", "ab/x", "b/a", "b/z");
    assertThat(keys(store.list(Widget.class, "a"))).containsExactly("a/b", "a/y");
    assertThat(keys(store.list(Widget.class, "ab"))).containsExactly("ab/x");
    assertThat(keys(store.list(Widget.class, "c"))).isEmpty();
    assertThat(keys(store.list(Widget.class, ""))).hasSize(5);
    assertThat(store.list(Gadget.class)).isEmpty();
    assertThat(store.count(Gadget.class)).isZero();
    assertThatThrownBy(() -> store.list(Widget.class).add(Widget.of("a", "n", 0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static List<String> keys(List<Widget> widgets) {
    return widgets.stream().map(Widget::key).toList();
  }

  @Test
  void everyWriteTakesTheNextRevisionAcrossTypes() {
    List<String> versions = new ArrayList<>();
    versions.add(store.create(Widget.of("ns", "a", 1)).metadata().resourceVersion());
    versions.add(store.create(Gadget.of("g")).metadata().resourceVersion());
    versions.add(store.update(Widget.class, "ns", "a", w -> w.withSize(2))
        .metadata().resourceVersion());
    versions.add(store.delete(Gadget.class, null, "g").metadata().resourceVersion());
    assertThat(versions).containsExactly("2", "3", "4", "5");
    assertThat(store.resourceVersion()).isEqualTo(5);
  }

  @Test
  void updateWithTheCurrentVersionSucceedsAndKeepsIdentity() {
    Widget created = store.create(Widget.of("ns", "a", 1));
    now = 9_000_000_000L;
    // A client that loses uid and creationTimestamp still cannot change them.
    Widget changed = created.withSize(5).withMetadata(ObjectMeta.named("ns", "a")
        .withResourceVersion(created.metadata().resourceVersion()));
    Widget updated = store.update(changed);
    assertThat(updated.size()).isEqualTo(5);
    assertThat(updated.metadata().resourceVersion()).isEqualTo("3");
    assertThat(updated.metadata().uid()).isEqualTo(created.metadata().uid());
    assertThat(updated.metadata().creationTimestamp())
        .isEqualTo(created.metadata().creationTimestamp());
    assertThat(store.get(Widget.class, "ns", "a")).isEqualTo(updated);
  }

  @Test
  void updateWithAStaleVersionConflicts() {
    Widget v1 = store.create(Widget.of("ns", "a", 1));
    store.update(v1.withSize(2));
    assertThatThrownBy(() -> store.update(v1.withSize(3)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Operation cannot be fulfilled on widgets \"ns/a\": the object has been "
            + "modified; please apply your changes to the latest version and try again");
    assertThat(store.get(Widget.class, "ns", "a").size()).isEqualTo(2);
  }

  @Test
  void updateWithAnotherUidConflicts() {
    Widget stored = store.create(Widget.of("ns", "a", 1));
    Widget impostor = stored.withMetadata(stored.metadata().withUid("other"));
    assertThatThrownBy(() -> store.update(impostor))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Operation cannot be fulfilled on widgets \"ns/a\": Precondition failed: "
            + "UID in precondition: other, UID in object meta: " + stored.metadata().uid());
  }

  @Test
  void updateWithoutAVersionIsUnconditional() {
    Widget v1 = store.create(Widget.of("ns", "a", 1));
    store.update(v1.withSize(2));
    Widget blind = Widget.of("ns", "a", 9);
    assertThat(store.update(blind).size()).isEqualTo(9);
  }

  @Test
  void updateOfAMissingObjectIsNotFound() {
    assertThatThrownBy(() -> store.update(Widget.of("ns", "ghost", 1)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("widgets \"ns/ghost\" not found");
    assertThatThrownBy(() -> store.update(Widget.class, "ns", "ghost", w -> w))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("widgets \"ns/ghost\" not found");
  }

  @Test
  void anUpdateThatChangesNothingIsNotWritten() {
    Widget stored = store.create(Widget.of("ns", "a", 1));
    assertThat(store.update(stored)).isEqualTo(stored);
    assertThat(store.update(Widget.class, "ns", "a", w -> w.withSize(1))).isEqualTo(stored);
    assertThat(store.resourceVersion()).isEqualTo(2);
  }

  @Test
  void mutatingUpdateReturnsTheStoredObject() {
    store.create(Widget.of("ns", "a", 1));
    Widget updated = store.update(Widget.class, "ns", "a", w -> w.withSize(w.size() + 10));
    assertThat(updated.size()).isEqualTo(11);
    assertThat(updated).isEqualTo(store.get(Widget.class, "ns", "a"));
  }

  @Test
  void mutatingUpdateMustKeepTheKey() {
    store.create(Widget.of("ns", "a", 1));
    assertThatThrownBy(() -> store.update(Widget.class, "ns", "a",
        w -> w.withMetadata(w.metadata().withName("b"))))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessage("widgets \"ns/a\" is invalid: the mutation changed the key to \"ns/b\"");
    assertThatThrownBy(() -> store.update(Widget.class, "ns", "a", w -> null))
        .isInstanceOf(InvalidObjectException.class);
  }

  @Test
  void deleteReturnsTheLastStateAtTheDeleteRevision() {
    Widget stored = store.create(Widget.of("ns", "a", 4));
    Widget deleted = store.delete(Widget.class, "ns", "a");
    assertThat(deleted.size()).isEqualTo(4);
    assertThat(deleted.metadata().uid()).isEqualTo(stored.metadata().uid());
    assertThat(deleted.metadata().resourceVersion()).isEqualTo("3");
    assertThat(store.get(Widget.class, "ns", "a")).isNull();
    assertThat(store.count(Widget.class)).isZero();
    assertThatThrownBy(() -> store.delete(Widget.class, "ns", "a"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("widgets \"ns/a\" not found");
    assertThat(store.create(Widget.of("ns", "a", 1)).metadata().uid())
        .as("a re-created object is a new object")
        .isNotEqualTo(stored.metadata().uid());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "uid mismatch      | wrong-uid |     | Precondition failed: UID in precondition: wrong-uid, "
          + "UID in object meta: ",
      "version mismatch  |           | 1   | Precondition failed: ResourceVersion in precondition: "
          + "1, ResourceVersion in object meta: 2",
  })
  void deletePreconditionsMustHold(String name, String uid, String rv, String message) {
    Widget stored = store.create(Widget.of("ns", "a", 1));
    assertThatThrownBy(() -> store.delete(Widget.class, "ns", "a", new Preconditions(uid, rv)))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("Operation cannot be fulfilled on widgets \"ns/a\": " + message);
    assertThat(store.get(Widget.class, "ns", "a")).isEqualTo(stored);
  }

  @Test
  void deleteWithMatchingPreconditionsDeletes() {
    Widget stored = store.create(Widget.of("ns", "a", 1));
    store.delete(Widget.class, "ns", "a", new Preconditions(stored.metadata().uid(),
        stored.metadata().resourceVersion()));
    assertThat(store.get(Widget.class, "ns", "a")).isNull();
  }

  @Test
  void finalizersDeferDeletionUntilTheLastIsRemoved() {
    store.create(Widget.of("ns", "a", 1).withFinalizers(List.of("x", "y")));
    now = 2_000_000_000L;
    Widget marked = store.delete(Widget.class, "ns", "a");
    assertThat(marked.metadata().deletionTimestamp()).isEqualTo("2026-01-01T00:00:02Z");
    assertThat(marked.metadata().deletionGracePeriodSeconds()).isZero();
    assertThat(store.get(Widget.class, "ns", "a")).isEqualTo(marked);

    now = 5_000_000_000L;
    assertThat(store.delete(Widget.class, "ns", "a")).as("second delete").isEqualTo(marked);
    // Updates cannot clear the deletion mark.
    Widget stillMarked = store.update(Widget.class, "ns", "a",
        w -> w.withFinalizers(List.of("y")).withMetadata(
            w.withFinalizers(List.of("y")).metadata().withDeletionTimestamp(null)));
    assertThat(stillMarked.metadata().deletionTimestamp()).isEqualTo("2026-01-01T00:00:02Z");

    Widget gone = store.update(Widget.class, "ns", "a", w -> w.withFinalizers(List.of()));
    assertThat(gone.metadata().finalizers()).isEmpty();
    assertThat(store.get(Widget.class, "ns", "a")).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Pod, pods",
      "Node, nodes",
      "PriorityClass, priorityclasses",
      "NetworkPolicy, networkpolicies",
      "Ingress, ingresses",
      "Endpoints, endpoints",
      "PersistentVolumeClaim, persistentvolumeclaims",
  })
  void resourceNamesFollowTheUpstreamGuess(String kind, String resource) {
    assertThat(ClusterStore.resourceName(kind)).isEqualTo(resource);
  }

  @Test
  void podsAreDeletedGracefullyWhenANodeRunsThem() {
    io.schedlab.api.Pod bound = io.schedlab.testing.PodBuilder.pod("p").nodeName("n1").build();
    store.create(bound);
    store.create(io.schedlab.testing.PodBuilder.pod("pending").build());
    now = 10_000_000_000L;
    io.schedlab.api.Pod marked = store.deleteGracefully("default", "p", 30);
    assertThat(marked.metadata().deletionTimestamp()).isEqualTo("2026-01-01T00:00:40Z");
    assertThat(marked.metadata().deletionGracePeriodSeconds()).isEqualTo(30L);
    assertThat(store.deleteGracefully("default", "p", 60).metadata().deletionGracePeriodSeconds())
        .isEqualTo(30L);
    assertThat(store.deleteGracefully("default", "p", 5).metadata().deletionTimestamp())
        .isEqualTo("2026-01-01T00:00:15Z");
    store.deleteGracefully("default", "pending", 30);
    assertThat(store.get(io.schedlab.api.Pod.class, "default", "pending")).isNull();
    store.deleteGracefully("default", "p", 0);
    assertThat(store.get(io.schedlab.api.Pod.class, "default", "p")).isNull();
  }
}

package io.vigil.registry;

/**
 * Published (as an application event, inside the changing transaction) whenever an asset, sensor,
 * emergency resource or construction work is created, updated or deleted, so that caches elsewhere
 * (detection's view of the registry, map layers) can refresh. Listen with
 * {@code @TransactionalEventListener} to hear only committed changes. In a partial import, a row
 * rolled back to its savepoint may still have published its event: treat the event as "look again",
 * not as a fact about the row.
 *
 * @param entity {@code asset}, {@code sensor}, {@code emergency_resource} or {@code construction_work}
 * @param action {@code create}, {@code update} or {@code delete}
 */
public record RegistryChanged(String entity, String code, String action) {
}

/**
 * The registry (R2, R3): domain packs of asset and sensor types, assets with GeoJSON geometry,
 * sensors, emergency resources and third-party construction works; import and export. Other modules
 * call {@link io.vigil.registry.AssetRegistry}, {@link io.vigil.registry.SensorRegistry},
 * {@link io.vigil.registry.DomainPacks}, {@link io.vigil.registry.EmergencyResources},
 * {@link io.vigil.registry.ConstructionWorks}, {@link io.vigil.registry.BulkImport} and
 * {@link io.vigil.registry.SensorCatalog}, and may listen for {@link io.vigil.registry.RegistryChanged}.
 */
package io.vigil.registry;

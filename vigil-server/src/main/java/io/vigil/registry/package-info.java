/**
 * The registry (R2, R3): domain packs of asset and sensor types, assets with GeoJSON geometry,
 * sensors, emergency resources and third-party construction works; import and export.
 */
package io.vigil.registry;

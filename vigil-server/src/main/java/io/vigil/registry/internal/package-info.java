/**
 * The registry's workings that other modules should not call: domain pack loading, GeoJSON/WKT and
 * attribute checks, CSV, and the import/export file formats.
 */
package io.vigil.registry.internal;

/** HTTP endpoints of the registry: assets, sensors, domain packs, emergency resources, construction works, import/export. */
package io.vigil.registry.web;

package io.vigil.registry;

import java.util.List;

/**
 * A data file that teaches Vigil one industry: its asset types and sensor types. Packs ship in the
 * jar ({@code domain-packs/*.json}) and may be added in {@code <data-dir>/domain-packs/} without code.
 *
 * @param industry the industry code enterprises and regulators are tagged with, e.g. {@code hazchem_pipeline}
 * @param source where the pack was loaded from, for error messages and the API
 */
public record DomainPack(String code, LocalizedName name, String industry, String version, String description,
		List<AssetType> assetTypes, List<SensorType> sensorTypes, String source) {

	public DomainPack {
		assetTypes = assetTypes == null ? List.of() : List.copyOf(assetTypes);
		sensorTypes = sensorTypes == null ? List.of() : List.copyOf(sensorTypes);
	}
}

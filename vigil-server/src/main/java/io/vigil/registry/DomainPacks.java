package io.vigil.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.platform.InvalidInputException;
import io.vigil.platform.PlatformSettings;
import io.vigil.registry.internal.DomainPackLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The asset and sensor types Vigil knows, from the domain packs loaded at start (see
 * {@code domain-packs/README.md} for the file format). Immutable after start.
 */
@Service
public class DomainPacks {

	private static final Logger log = LoggerFactory.getLogger(DomainPacks.class);

	private final List<DomainPack> packs;

	private final Map<String, AssetType> assetTypes = new LinkedHashMap<>();

	private final Map<String, SensorType> sensorTypes = new LinkedHashMap<>();

	DomainPacks(JsonMapper json, PlatformSettings platform) {
		this.packs = new DomainPackLoader(json).load(platform.dataDir().resolve("domain-packs"));
		for (DomainPack pack : packs) {
			pack.assetTypes().forEach(t -> assetTypes.put(t.code(), t));
			pack.sensorTypes().forEach(t -> sensorTypes.put(t.code(), t));
		}
		log.info("Domain packs: {} ({} asset types, {} sensor types)",
				packs.stream().map(DomainPack::code).toList(), assetTypes.size(), sensorTypes.size());
	}

	public List<DomainPack> packs() {
		return packs;
	}

	public Optional<DomainPack> pack(String code) {
		return packs.stream().filter(p -> p.code().equals(code)).findFirst();
	}

	/** Asset types, optionally only those of one pack (null = all). */
	public List<AssetType> assetTypes(String domain) {
		return assetTypes.values().stream().filter(t -> domain == null || t.domain().equals(domain)).toList();
	}

	/** Sensor types, optionally only those of one pack (null = all). */
	public List<SensorType> sensorTypes(String domain) {
		return sensorTypes.values().stream().filter(t -> domain == null || t.domain().equals(domain)).toList();
	}

	public Optional<AssetType> assetType(String code) {
		return Optional.ofNullable(code == null ? null : assetTypes.get(code));
	}

	/** A sensor type with its unit, interval, range and default thresholds. */
	public Optional<SensorType> sensorType(String code) {
		return Optional.ofNullable(code == null ? null : sensorTypes.get(code));
	}

	/**
	 * The domain a sensor belongs to: its asset's, or for a sensor without an asset the pack of its type.
	 * Raw readings are filed (and kept) by it, which is why the registry does not let it change.
	 */
	public String domainOf(String assetDomain, String sensorType) {
		// Interned: one string per domain however many sensors are loaded (and its hash computed once).
		return assetDomain != null ? assetDomain.intern() : sensorType(sensorType).map(SensorType::domain).orElse(null);
	}

	/** The asset type, or a 400 on {@code field} naming the known codes. */
	public AssetType requireAssetType(String field, String code) {
		return assetType(code).orElseThrow(() -> new InvalidInputException(field, "unknown asset type '" + code
				+ "'; known: " + String.join(", ", assetTypes.keySet()) + " / 未知的监测对象类型"));
	}

	/** The sensor type, or a 400 on {@code field} naming the known codes. */
	public SensorType requireSensorType(String field, String code) {
		return sensorType(code).orElseThrow(() -> new InvalidInputException(field, "unknown sensor type '" + code
				+ "'; known: " + String.join(", ", sensorTypes.keySet()) + " / 未知的传感器类型"));
	}
}

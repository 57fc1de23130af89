package io.vigil.detection.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.registry.Asset;
import io.vigil.registry.AssetQuery;
import io.vigil.registry.AssetRegistry;
import io.vigil.registry.ConstructionWorks;
import io.vigil.registry.DomainPacks;
import io.vigil.registry.Sensor;
import io.vigil.registry.SensorQuery;
import io.vigil.registry.SensorRegistry;
import io.vigil.registry.SensorType;
import io.vigil.registry.Thresholds;
import io.vigil.engine.condition.ConstructionIntrusion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What detection reads from the registry: every sensor and asset with the ids, types and set points rules
 * need (or only some sensors, for an incremental build), and a cheap fingerprint that changes whenever
 * sensors, assets or construction works change.
 */
@Component
public class RegistryView {

	/** Detection reads the whole registry; it acts for the platform, not for a signed-in person. */
	private static final CurrentUser SYSTEM = new CurrentUser(0, "detection", "detection", Role.PLATFORM_ADMIN, null,
			DataScope.EVERYTHING);

	/** A sensor as rules see it; {@code thresholds} are effective (type defaults, tightened by the sensor). */
	public record SensorEntry(long id, String code, long enterpriseId, String enterpriseCode, Long assetId, String asset,
			String assetType, String domain, String type, String unit, int intervalSeconds, Double rangeMin,
			Double rangeMax, Thresholds thresholds, Thresholds standard, Double lon, Double lat) {
	}

	public record AssetEntry(long id, String code, String type, String domain, long enterpriseId, String enterpriseCode,
			Double lon, Double lat) {
	}

	public record Contents(List<SensorEntry> sensors, Map<String, AssetEntry> assets) {
	}

	private final SensorRegistry sensors;

	private final AssetRegistry assets;

	private final Organisations organisations;

	private final DomainPacks packs;

	private final ConstructionWorks works;

	private final JdbcClient jdbc;

	RegistryView(SensorRegistry sensors, AssetRegistry assets, Organisations organisations, DomainPacks packs,
			ConstructionWorks works, JdbcClient jdbc) {
		this.sensors = sensors;
		this.assets = assets;
		this.organisations = organisations;
		this.packs = packs;
		this.works = works;
		this.jdbc = jdbc;
	}

	public Contents load() {
		Map<String, Long> enterpriseIds = enterpriseIds();
		Map<String, AssetEntry> assetsByCode = new HashMap<>();
		for (Asset a : assets.list(SYSTEM, new AssetQuery(null, null, null, null, null, null)).items()) {
			assetsByCode.put(a.code(), asset(a, enterpriseIds));
		}
		List<SensorEntry> entries = sensors.list(SYSTEM, new SensorQuery(null, null, null, null, null)).items().stream()
			.map(s -> entry(s, enterpriseIds, assetsByCode)).toList();
		return new Contents(entries, assetsByCode);
	}

	/** The sensors with these ids that exist, with the assets they sit on; a few queries however many ids. */
	public Contents sensorsById(Collection<Long> ids) {
		return subset(sensors.findAllById(ids));
	}

	/** The sensors with these codes that exist, with the assets they sit on; a few queries however many codes. */
	public Contents sensorsByCode(Collection<String> codes) {
		return subset(sensors.findAllByCode(codes));
	}

	private Contents subset(List<Sensor> found) {
		if (found.isEmpty()) {
			return new Contents(List.of(), Map.of());
		}
		Map<String, Long> enterpriseIds = enterpriseIds();
		Set<String> assetCodes = new HashSet<>();
		found.forEach(s -> {
			if (s.asset() != null) {
				assetCodes.add(s.asset());
			}
		});
		Map<String, AssetEntry> assetsByCode = new HashMap<>();
		for (Asset a : assets.findAllByCode(assetCodes)) {
			assetsByCode.put(a.code(), asset(a, enterpriseIds));
		}
		return new Contents(found.stream().map(s -> entry(s, enterpriseIds, assetsByCode)).toList(), assetsByCode);
	}

	/**
	 * Ids of sensors written after {@code since}: all those not in {@code known}, and known ones changed after
	 * they were created. A row committed late with an earlier {@code updated_at} can be missed: callers look back
	 * with a margin, and the periodic full rebuild catches the rest.
	 */
	public List<Long> sensorsWrittenSince(Instant since, LongPredicate known) {
		List<Long> ids = new ArrayList<>();
		jdbc.sql("select id, updated_at > created_at as changed from sensors where updated_at > :since")
			.param("since", Timestamp.from(since))
			.query(rs -> {
				long id = rs.getLong(1);
				if (rs.getBoolean(2) || !known.test(id)) {
					ids.add(id);
				}
			});
		return ids;
	}

	private Map<String, Long> enterpriseIds() {
		Map<String, Long> enterpriseIds = new HashMap<>();
		for (Organisation o : organisations.findAll(DataScope.EVERYTHING)) {
			enterpriseIds.put(o.code(), o.id());
		}
		return enterpriseIds;
	}

	private static AssetEntry asset(Asset a, Map<String, Long> enterpriseIds) {
		List<Double> box = a.bbox();
		Double lon = box == null || box.size() < 4 ? null : (box.get(0) + box.get(2)) / 2;
		Double lat = box == null || box.size() < 4 ? null : (box.get(1) + box.get(3)) / 2;
		return new AssetEntry(a.id(), a.code(), a.type(), a.domain(), enterpriseIds.getOrDefault(a.enterprise(), 0L),
				a.enterprise(), lon, lat);
	}

	private SensorEntry entry(Sensor s, Map<String, Long> enterpriseIds, Map<String, AssetEntry> assetsByCode) {
		SensorType type = packs.sensorType(s.type()).orElse(null);
		AssetEntry asset = s.asset() == null ? null : assetsByCode.get(s.asset());
		// The type's defaults are in the type's unit; a sensor reporting in another unit has only its own.
		Thresholds standard = type != null && type.unit().equals(s.unit()) ? type.thresholds() : Thresholds.NONE;
		Thresholds own = s.thresholds() == null ? Thresholds.NONE : s.thresholds();
		Double min = s.range() != null && s.range().min() != null ? s.range().min() : type == null ? null : type.range().min();
		Double max = s.range() != null && s.range().max() != null ? s.range().max() : type == null ? null : type.range().max();
		String domain = asset != null && asset.domain() != null ? asset.domain() : type == null ? null : type.domain();
		return new SensorEntry(s.id(), s.code(), enterpriseIds.getOrDefault(s.enterprise(), 0L), s.enterprise(),
				asset == null ? null : asset.id(), s.asset(), asset == null ? null : asset.type(), domain, s.type(),
				s.unit(), s.intervalSeconds(), min, max, own.withDefaults(standard), standard,
				s.lon() != null ? s.lon() : asset == null ? null : asset.lon(),
				s.lat() != null ? s.lat() : asset == null ? null : asset.lat());
	}

	/** Construction works active now within {@code metres} of a point, as engine windows. */
	public List<ConstructionIntrusion.Window> worksNear(double lon, double lat, double metres, Instant now) {
		return works.activeNear(lon, lat, now, metres).stream()
			.map(w -> new ConstructionIntrusion.Window(w.startsAt(), w.endsAt(), w.permit() != null ? w.permit() : w.code()))
			.toList();
	}

	/**
	 * What the registry looked like at one moment, cheaply: count and newest write of sensors and of assets,
	 * and the same for construction works. Equal fingerprints mean nothing changed.
	 */
	public record Fingerprint(long sensors, Instant sensorsWritten, long assets, Instant assetsWritten, String works) {
	}

	/** Changes whenever a sensor, an asset or a construction work is added, changed or removed. */
	public Fingerprint fingerprint() {
		return jdbc.sql("""
				select (select count(*) from sensors), (select coalesce(max(updated_at), 'epoch'::timestamptz) from sensors),
				       (select count(*) from assets), (select coalesce(max(updated_at), 'epoch'::timestamptz) from assets),
				       (select count(*) || '/' || coalesce(max(updated_at), 'epoch'::timestamptz) from construction_works)""")
			.query((rs, row) -> new Fingerprint(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.single();
	}

	/**
	 * Whether, going from {@code before} to {@code now}, sensors and assets were only added or written and no
	 * construction work changed, and no asset written since {@code before} (less {@code lookBack}) was changed
	 * after its creation: then new and changed sensors are all a build must take in (a new asset has no rules
	 * of its own until a rule set names it, which rebuilds everything anyway).
	 */
	public boolean onlyAdditions(Fingerprint before, Fingerprint now, Duration lookBack) {
		if (!now.works().equals(before.works()) || now.sensors() < before.sensors() || now.assets() < before.assets()) {
			return false;
		}
		if (now.assetsWritten().equals(before.assetsWritten())) {
			return now.assets() == before.assets();
		}
		return !jdbc.sql("select exists (select 1 from assets where updated_at > :since and updated_at > created_at)")
			.param("since", Timestamp.from(before.assetsWritten().minus(lookBack)))
			.query(Boolean.class).single();
	}
}

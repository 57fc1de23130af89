package io.vigil.timeseries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.registry.SensorCatalog;
import io.vigil.registry.SensorInfo;
import io.vigil.timeseries.internal.LatestValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the store for people: a sensor's raw or rolled-up series and the latest values of an asset's
 * or an enterprise's sensors, each checked against the caller's data scope (outside it, the object
 * does not exist).
 */
@Service
public class ReadingQueries {

	public enum Resolution {
		RAW, MINUTE, HOUR;

		public static Resolution parse(String text) {
			return switch (text == null ? "raw" : text) {
				case "raw" -> RAW;
				case "1m" -> MINUTE;
				case "1h" -> HOUR;
				default -> throw new InvalidInputException("resolution", "resolution must be raw, 1m or 1h");
			};
		}
	}

	/** A stored raw reading. */
	public record StoredReading(Instant ts, double value, String flag, boolean valid, boolean outOfRange) {
	}

	/** One roll-up bucket (starting at {@code ts}) of valid readings. */
	public record Rollup(Instant ts, double min, double max, double avg, long count) {
	}

	/** Items in time order; {@code truncated} when the limit cut the range short. */
	public record Page<T>(List<T> items, boolean truncated) {
	}

	/** A sensor's latest value; the reading fields are null when it never reported. */
	public record LatestValue(String sensor, String type, String unit, Instant ts, Double value, String flag,
			Boolean valid, boolean online) {
	}

	private final JdbcClient jdbc;

	private final SensorCatalog sensors;

	private final Organisations organisations;

	private final SensorOnlineState online;

	private final Clock clock;

	private final LatestValues unflushed;

	ReadingQueries(JdbcClient jdbc, SensorCatalog sensors, Organisations organisations, SensorOnlineState online,
			Clock clock, LatestValues unflushed) {
		this.jdbc = jdbc;
		this.unflushed = unflushed;
		this.clock = clock;
		this.sensors = sensors;
		this.organisations = organisations;
		this.online = online;
	}

	public Page<StoredReading> raw(CurrentUser user, String sensorCode, Instant from, Instant to, int limit) {
		SensorInfo sensor = readableSensor(user, sensorCode);
		List<StoredReading> items = jdbc.sql("""
				select ts, value, flag, valid, out_of_range from readings
				where sensor_id = :sensor and ts >= :from and ts < :to order by ts limit :limit""")
			.param("sensor", sensor.id()).param("from", utc(from)).param("to", utc(to)).param("limit", limit + 1)
			.query((rs, row) -> new StoredReading(instant(rs, 1), rs.getDouble(2), rs.getString(3), rs.getBoolean(4),
					rs.getBoolean(5)))
			.list();
		return page(items, limit);
	}

	public Page<Rollup> rollups(CurrentUser user, String sensorCode, Resolution resolution, Instant from, Instant to,
			int limit) {
		SensorInfo sensor = readableSensor(user, sensorCode);
		String table = resolution == Resolution.HOUR ? "rollup_1h" : "rollup_1m";
		List<Rollup> items = jdbc.sql("select bucket, min, max, sum, count from " + table
				+ " where sensor_id = :sensor and bucket >= :from and bucket < :to order by bucket limit :limit")
			.param("sensor", sensor.id()).param("from", utc(from)).param("to", utc(to)).param("limit", limit + 1)
			.query((rs, row) -> new Rollup(instant(rs, 1), rs.getDouble(2), rs.getDouble(3),
					rs.getDouble(4) / rs.getLong(5), rs.getLong(5)))
			.list();
		return page(items, limit);
	}

	public List<LatestValue> latestOfAsset(CurrentUser user, String assetCode) {
		Long enterpriseId = jdbc.sql("select enterprise_id from assets where code = :code").param("code", assetCode)
			.query(Long.class).optional().orElseThrow(() -> new NotFoundException("Asset", assetCode));
		Organisation owner = organisations.findById(enterpriseId).orElseThrow();
		if (!user.canRead(owner)) {
			throw new NotFoundException("Asset", assetCode);
		}
		return latest("s.asset_id = (select id from assets where code = :code)", assetCode);
	}

	public List<LatestValue> latestOfEnterprise(CurrentUser user, String enterpriseCode) {
		Organisation enterprise = organisations.findByCode(enterpriseCode)
			.filter(user::canRead)
			.orElseThrow(() -> new NotFoundException("Enterprise", enterpriseCode));
		return latest("s.enterprise_id = (select id from organisations where code = :code)", enterprise.code());
	}

	private List<LatestValue> latest(String where, String code) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select s.id, s.code, s.type, s.unit, l.ts, l.value, l.flag, l.valid
				from sensors s left join sensor_latest l on l.sensor_id = s.id where """ + " " + where
				+ " order by s.code")
			.param("code", code)
			.query((rs, row) -> {
				long id = rs.getLong(1);
				Instant ts = instant(rs, 5);
				boolean isOnline = online.isOnline(id, now);
				SensorReading newer = unflushed.unflushed(id).filter(r -> ts == null || r.ts().isAfter(ts)).orElse(null);
				if (newer != null) {
					return new LatestValue(rs.getString(2), rs.getString(3), rs.getString(4), newer.ts(), newer.value(),
							newer.flag(), newer.valid(), isOnline);
				}
				double value = rs.getDouble(6);
				return new LatestValue(rs.getString(2), rs.getString(3), rs.getString(4), ts, ts == null ? null : value,
						rs.getString(7), ts == null ? null : rs.getBoolean(8), isOnline);
			})
			.list();
	}

	private SensorInfo readableSensor(CurrentUser user, String code) {
		return sensors.byCode(code)
			.filter(sensor -> organisations.findById(sensor.enterpriseId()).map(user::canRead).orElse(false))
			.orElseThrow(() -> new NotFoundException("Sensor", code));
	}

	private static <T> Page<T> page(List<T> items, int limit) {
		return items.size() > limit ? new Page<>(items.subList(0, limit), true) : new Page<>(items, false);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}

package io.vigil.registry.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.platform.InvalidInputException;
import io.vigil.registry.FieldProblem;
import io.vigil.registry.NewSensor;
import io.vigil.registry.SensorType;
import io.vigil.registry.Thresholds;
import io.vigil.registry.ValueRange;
import org.locationtech.jts.geom.Point;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks a sensor command against its type and fills in the type's defaults. */
public final class SensorCheck {

	private static final int MAX_INTERVAL = 86_400;

	private SensorCheck() {
	}

	/** A checked sensor, ready to store. */
	public record Checked(String name, String type, String unit, Double lon, Double lat, int interval,
			ValueRange range, Thresholds thresholds, String gateway) {

		public Map<String, Object> params(JsonMapper json) {
			Map<String, Object> params = new HashMap<>();
			params.put("name", name);
			params.put("type", type);
			params.put("unit", unit);
			params.put("lon", lon);
			params.put("lat", lat);
			params.put("interval", interval);
			params.put("rangeMin", range.min());
			params.put("rangeMax", range.max());
			params.put("thresholds", json.writeValueAsString(thresholds.asMap()));
			params.put("gateway", gateway);
			return params;
		}
	}

	public static Checked check(NewSensor command, SensorType type, JsonNode assetGeometry) {
		String name = Inputs.text("name", command.name(), 200);
		String unit = command.unit() == null || command.unit().isBlank() ? type.unit() : command.unit().strip();
		if (!type.allowsUnit(unit)) {
			List<String> units = new java.util.ArrayList<>(List.of(type.unit()));
			units.addAll(type.otherUnits());
			throw new InvalidInputException("unit", "'" + unit + "' is not a unit of " + type.code() + "; use one of "
					+ units + " / 单位不符合传感器类型");
		}
		Double lon = command.lon();
		Double lat = command.lat();
		if ((lon == null) != (lat == null)) {
			throw new InvalidInputException(lon == null ? "lon" : "lat", "give both lon and lat, or neither / 经纬度需同时提供");
		}
		if (lon == null && assetGeometry != null) {
			// A sensor without its own position is drawn on its asset.
			Point anchor = GeoJson.anchor(GeoJson.parse("asset.geometry", assetGeometry));
			lon = anchor.getX();
			lat = anchor.getY();
		}
		if (lon != null) {
			GeoJson.checkLonLat("lon", "lat", lon, lat);
		}
		int interval = command.intervalSeconds() == null ? type.intervalSeconds() : command.intervalSeconds();
		if (interval < 1 || interval > MAX_INTERVAL) {
			throw new InvalidInputException("intervalSeconds", interval + " is outside 1.." + MAX_INTERVAL + " seconds / 上报周期超出范围");
		}
		ValueRange range = range(command.range(), type);
		Thresholds thresholds = thresholds(command.thresholds(), type, unit, range);
		String gateway = Inputs.optionalText("gateway", command.gateway(), 100);
		return new Checked(name, type.code(), unit, lon, lat, interval, range, thresholds, gateway);
	}

	private static ValueRange range(ValueRange requested, SensorType type) {
		if (requested == null || (requested.min() == null && requested.max() == null)) {
			return type.range();
		}
		Inputs.finite("range.min", requested.min());
		Inputs.finite("range.max", requested.max());
		ValueRange range = new ValueRange(requested.min() != null ? requested.min() : type.range().min(),
				requested.max() != null ? requested.max() : type.range().max());
		if (range.min() != null && range.max() != null && range.min() >= range.max()) {
			throw new InvalidInputException("range.min", "must be below range.max (" + range.max() + ") / 量程下限必须小于上限");
		}
		return range;
	}

	/**
	 * The type's defaults with the enterprise's tightening applied. Defaults are in the type's default
	 * unit, so a sensor in another unit (toxic gas in ppm) gets no defaults and states its own.
	 */
	private static Thresholds thresholds(Thresholds requested, SensorType type, String unit, ValueRange range) {
		Thresholds given = requested == null ? Thresholds.NONE : requested;
		for (Map.Entry<String, Double> entry : given.asMap().entrySet()) {
			Inputs.finite("thresholds." + entry.getKey(), entry.getValue());
		}
		Thresholds effective = given;
		if (unit.equals(type.unit())) {
			List<FieldProblem> loosened = given.loosenedAgainst(type.thresholds(), unit);
			if (!loosened.isEmpty()) {
				throw loosened.get(0).toException();
			}
			effective = given.withDefaults(type.thresholds());
		}
		List<FieldProblem> disorder = effective.disorder();
		if (!disorder.isEmpty()) {
			throw disorder.get(0).toException();
		}
		for (Map.Entry<String, Double> entry : effective.asMap().entrySet()) {
			if (!range.contains(entry.getValue())) {
				throw new InvalidInputException("thresholds." + entry.getKey(), entry.getValue() + " " + unit
						+ " lies outside the sensor's range " + range.min() + ".." + range.max() + " / 阈值超出量程");
			}
		}
		return effective;
	}
}

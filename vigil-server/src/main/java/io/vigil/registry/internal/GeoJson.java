package io.vigil.registry.internal;

import java.util.ArrayList;
import java.util.List;

import io.vigil.platform.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * GeoJSON (RFC 7946, WGS-84 lon/lat) to and from JTS geometries, with the checks users need to hear
 * about: positions in range, enough points, closed rings, no self-intersections. jts-core has no
 * GeoJSON reader, and this one can name the field that is wrong.
 */
public final class GeoJson {

	public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private GeoJson() {
	}

	/** Parses and validates a GeoJSON geometry object; errors name {@code field} (e.g. "geometry.coordinates[3]"). */
	public static Geometry parse(String field, JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw new InvalidInputException(field, "is required (a GeoJSON geometry) / 必填 (GeoJSON 几何)");
		}
		if (!node.isObject() || node.get("type") == null || !node.get("type").isString()) {
			throw new InvalidInputException(field, "must be a GeoJSON geometry object with a \"type\" / 必须是 GeoJSON 几何对象");
		}
		String type = node.get("type").asString();
		JsonNode coordinates = node.get("coordinates");
		String at = field + ".coordinates";
		if (coordinates == null || !coordinates.isArray()) {
			throw new InvalidInputException(at, "must be an array / 坐标必须是数组");
		}
		Geometry geometry;
		if ("Point".equals(type)) {
			geometry = FACTORY.createPoint(position(at, coordinates));
		}
		else if ("LineString".equals(type)) {
			geometry = line(at, coordinates);
		}
		else if ("Polygon".equals(type)) {
			geometry = polygon(at, coordinates);
		}
		else if ("MultiPoint".equals(type)) {
			geometry = FACTORY.createMultiPointFromCoords(positions(at, coordinates, 1));
		}
		else if ("MultiLineString".equals(type)) {
			List<LineString> lines = new ArrayList<>();
			forEach(at, coordinates, (f, n) -> lines.add(line(f, n)));
			geometry = FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
		}
		else if ("MultiPolygon".equals(type)) {
			List<Polygon> polygons = new ArrayList<>();
			forEach(at, coordinates, (f, n) -> polygons.add(polygon(f, n)));
			geometry = FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
		}
		else {
			throw new InvalidInputException(field + ".type", "'" + type
					+ "' is not supported; use Point, LineString, Polygon or their Multi* forms / 不支持的几何类型");
		}
		return valid(field, geometry);
	}

	/** Parses well-known text (as in CSV files), with the same checks as GeoJSON. */
	public static Geometry parseWkt(String field, String wkt) {
		Geometry geometry;
		try {
			geometry = new WKTReader(FACTORY).read(wkt);
		}
		catch (ParseException e) {
			throw new InvalidInputException(field, "is not valid WKT: " + e.getMessage() + " / WKT 格式错误");
		}
		for (Coordinate c : geometry.getCoordinates()) {
			checkLonLat(field, c.x, c.y);
		}
		return valid(field, geometry);
	}

	public static String wkt(Geometry geometry) {
		return new WKTWriter().write(geometry);
	}

	/** Whether the geometry is of the kind an asset type wants; the Multi* form of the kind counts. */
	public static void requireKind(String field, Geometry geometry, String kind, String typeCode) {
		String actual = geometry.getGeometryType();
		if (!actual.equals(kind) && !actual.equals("Multi" + kind)) {
			throw new InvalidInputException(field + ".type", "a " + typeCode + " needs a " + kind + " geometry, not "
					+ actual + " / 几何类型应为 " + kind);
		}
	}

	public static void checkLonLat(String field, double lon, double lat) {
		checkLonLat(field, field, lon, lat);
	}

	public static void checkLonLat(String lonField, String latField, double lon, double lat) {
		if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
			throw new InvalidInputException(lonField, "longitude " + lon + " is outside −180..180 (WGS-84) / 经度超出范围");
		}
		if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
			throw new InvalidInputException(latField, "latitude " + lat + " is outside −90..90 (WGS-84) / 纬度超出范围");
		}
	}

	/** [minLon, minLat, maxLon, maxLat]. */
	public static double[] bbox(Geometry geometry) {
		Envelope e = geometry.getEnvelopeInternal();
		return new double[] { e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY() };
	}

	/** A point on the geometry (not the centroid, which can lie off a curved line or outside a C-shaped polygon). */
	public static Point anchor(Geometry geometry) {
		return geometry instanceof Point point ? point : geometry.getInteriorPoint();
	}

	public static ObjectNode write(Geometry geometry) {
		ObjectNode node = NODES.objectNode();
		node.put("type", geometry.getGeometryType());
		if (geometry instanceof Point point) {
			node.set("coordinates", position(point.getCoordinate()));
		}
		else if (geometry instanceof LineString line) {
			node.set("coordinates", positions(line.getCoordinates()));
		}
		else if (geometry instanceof Polygon polygon) {
			node.set("coordinates", rings(polygon));
		}
		else {
			ArrayNode parts = node.putArray("coordinates");
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				parts.add(write(geometry.getGeometryN(i)).get("coordinates"));
			}
		}
		return node;
	}

	private static Geometry valid(String field, Geometry geometry) {
		IsValidOp op = new IsValidOp(geometry);
		if (!op.isValid()) {
			throw new InvalidInputException(field, "is not a valid geometry: " + op.getValidationError().getMessage()
					+ " at " + op.getValidationError().getCoordinate() + " / 几何无效");
		}
		return geometry;
	}

	private static LineString line(String at, JsonNode node) {
		Coordinate[] points = positions(at, node, 2);
		return FACTORY.createLineString(points);
	}

	private static Polygon polygon(String at, JsonNode node) {
		List<LinearRing> rings = new ArrayList<>();
		forEach(at, node, (f, n) -> {
			Coordinate[] ring = positions(f, n, 4);
			if (!ring[0].equals2D(ring[ring.length - 1])) {
				throw new InvalidInputException(f, "a polygon ring must be closed (first position = last) / 多边形环必须闭合");
			}
			rings.add(FACTORY.createLinearRing(ring));
		});
		if (rings.isEmpty()) {
			throw new InvalidInputException(at, "a polygon needs an outer ring / 多边形缺少外环");
		}
		return FACTORY.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
	}

	private static Coordinate[] positions(String at, JsonNode node, int minimum) {
		if (!node.isArray() || node.size() < minimum) {
			throw new InvalidInputException(at, "needs at least " + minimum + " positions / 坐标点数不足");
		}
		Coordinate[] coordinates = new Coordinate[node.size()];
		for (int i = 0; i < node.size(); i++) {
			coordinates[i] = position(at + "[" + i + "]", node.get(i));
		}
		return coordinates;
	}

	private static Coordinate position(String at, JsonNode node) {
		if (!node.isArray() || node.size() < 2 || node.size() > 3 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
			throw new InvalidInputException(at, "a position is [longitude, latitude] in numbers / 坐标应为 [经度, 纬度]");
		}
		double lon = node.get(0).asDouble();
		double lat = node.get(1).asDouble();
		checkLonLat(at, lon, lat);
		return new Coordinate(lon, lat);
	}

	private interface Part {
		void accept(String field, JsonNode node);
	}

	private static void forEach(String at, JsonNode node, Part part) {
		for (int i = 0; i < node.size(); i++) {
			part.accept(at + "[" + i + "]", node.get(i));
		}
	}

	private static ArrayNode position(Coordinate c) {
		return NODES.arrayNode().add(c.x).add(c.y);
	}

	private static ArrayNode positions(Coordinate[] coordinates) {
		ArrayNode array = NODES.arrayNode();
		for (Coordinate c : coordinates) {
			array.add(position(c));
		}
		return array;
	}

	private static ArrayNode rings(Polygon polygon) {
		ArrayNode array = NODES.arrayNode().add(positions(polygon.getExteriorRing().getCoordinates()));
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			array.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
		}
		return array;
	}
}

package io.vigil.registry.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Distances in metres around one point, on a local equirectangular projection: accurate to well under
 * 1 % within a few kilometres, which is all "is anyone digging near this pipe" needs (no PostGIS).
 */
public final class LocalMetres {

	private static final double METRES_PER_DEGREE_LAT = 110_574;

	private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

	private final double originLon;

	private final double originLat;

	private final double metresPerDegreeLon;

	public LocalMetres(double originLon, double originLat) {
		this.originLon = originLon;
		this.originLat = originLat;
		this.metresPerDegreeLon = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(originLat));
	}

	/** Distance from the origin to the geometry in metres; 0 when the geometry contains the origin. */
	public double distanceToPoint(Geometry geometry) {
		Geometry projected = geometry.copy();
		projected.apply((CoordinateFilter) c -> {
			c.x = (c.x - originLon) * metresPerDegreeLon;
			c.y = (c.y - originLat) * METRES_PER_DEGREE_LAT;
		});
		projected.geometryChanged();
		return projected.distance(GeoJson.FACTORY.createPoint(new Coordinate(0, 0)));
	}

	public static double degreesLatitude(double metres) {
		return metres / METRES_PER_DEGREE_LAT;
	}

	public static double degreesLongitude(double metres, double atLatitude) {
		return metres / (METRES_PER_DEGREE_LON_AT_EQUATOR * Math.max(Math.cos(Math.toRadians(atLatitude)), 0.01));
	}
}

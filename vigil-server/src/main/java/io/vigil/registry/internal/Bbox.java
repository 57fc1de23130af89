package io.vigil.registry.internal;

import io.vigil.platform.InvalidInputException;

/** A query box "minLon,minLat,maxLon,maxLat" as given in a URL. */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

	public static Bbox parse(String field, String text) {
		String[] parts = text.split(",");
		if (parts.length != 4) {
			throw new InvalidInputException(field, "must be minLon,minLat,maxLon,maxLat / 格式应为 最小经度,最小纬度,最大经度,最大纬度");
		}
		double[] v = new double[4];
		for (int i = 0; i < 4; i++) {
			try {
				v[i] = Double.parseDouble(parts[i].strip());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException(field, "'" + parts[i] + "' is not a number / 不是数值");
			}
		}
		GeoJson.checkLonLat(field, v[0], v[1]);
		GeoJson.checkLonLat(field, v[2], v[3]);
		if (v[0] > v[2] || v[1] > v[3]) {
			throw new InvalidInputException(field, "min must not exceed max / 最小值不能大于最大值");
		}
		return new Bbox(v[0], v[1], v[2], v[3]);
	}

	/** SQL overlap test against a table with min_lon… columns under {@code alias}; params bboxMinLon…. */
	public static String overlapSql(String alias) {
		return alias + ".max_lon >= :bboxMinLon and " + alias + ".min_lon <= :bboxMaxLon and " + alias
				+ ".max_lat >= :bboxMinLat and " + alias + ".min_lat <= :bboxMaxLat";
	}

	public void addParams(java.util.Map<String, Object> params) {
		params.put("bboxMinLon", minLon);
		params.put("bboxMinLat", minLat);
		params.put("bboxMaxLon", maxLon);
		params.put("bboxMaxLat", maxLat);
	}
}

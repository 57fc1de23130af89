package io.vigil.ingest.hj212;

import java.util.List;

/**
 * The readings of one frame, and the values that could not become readings.
 */
public record Hj212Conversion(List<Hj212Reading> readings, List<Hj212Rejection> rejections) {

	public Hj212Conversion {
		readings = List.copyOf(readings);
		rejections = List.copyOf(rejections);
	}
}

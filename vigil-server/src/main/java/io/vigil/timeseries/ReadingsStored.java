package io.vigil.timeseries;

import java.util.List;

/**
 * Called after a batch of readings is durably stored, in commit order, on the store's writer
 * thread: implementations (detection, online state) must be quick and must not block.
 */
public interface ReadingsStored {

	void stored(List<SensorReading> readings);
}

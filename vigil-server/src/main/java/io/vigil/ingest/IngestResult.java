package io.vigil.ingest;

import java.util.List;

/**
 * The answer to a batch, given only once the accepted readings are durable.
 *
 * @param accepted how many readings were stored (values outside the physical range included, flagged)
 * @param rejected the items that were not, in batch order
 */
public record IngestResult(int accepted, List<Rejection> rejected) {

	public IngestResult {
		rejected = List.copyOf(rejected);
	}
}

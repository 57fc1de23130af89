package io.vigil.ingest;

/** A batch with more readings than {@code vigil.ingest.max-batch-items}; nothing of it was stored. */
public class OversizedBatchException extends RuntimeException {

	public OversizedBatchException(int limit) {
		super("The batch has more than " + limit + " readings; send at most " + limit + " per request / 单批数据条数超限");
	}
}

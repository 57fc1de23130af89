package io.vigil.bench.ingest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * PostgreSQL binary COPY of (sensor_id, ts, value, flag, valid, out_of_range, domain), the encoding the
 * store's writer uses, so that the baseline and the store path differ only in their SQL. Sensors take
 * domain ids 1 and 2 in turn, so that rows go to two sub-partitions of a day when {@link DatabasePaths}
 * divides days by domain.
 */
final class CopyEncoder {

	private static final long PG_EPOCH_SECONDS = 946_684_800L;

	static byte[] encode(Rows rows, long from, long to, long firstSensorId) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) (to - from) * 62 + 32);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeBytes("PGCOPY\n");
			out.write(0xFF);
			out.writeBytes("\r\n");
			out.write(0);
			out.writeInt(0);
			out.writeInt(0);
			for (long row = from; row < to; row++) {
				var ts = rows.ts(row);
				out.writeShort(7);
				out.writeInt(8);
				out.writeLong(firstSensorId + rows.sensor(row));
				out.writeInt(8);
				out.writeLong((ts.getEpochSecond() - PG_EPOCH_SECONDS) * 1_000_000L + ts.getNano() / 1_000);
				out.writeInt(8);
				out.writeDouble(rows.value(row));
				out.writeInt(1);
				out.write('N');
				out.writeInt(1);
				out.write(1);
				out.writeInt(1);
				out.write(0);
				out.writeInt(2);
				out.writeShort(1 + rows.sensor(row) % 2);
			}
			out.writeShort(-1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}
}

package io.vigil.engine.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule evaluation state in plain serialisable form, so that an on-delay or an interruption timer
 * survives a restart. Each entry is one (subject, rule) state serialised with Java serialisation;
 * {@link #writeTo}/{@link #readFrom} give a compact binary form to store (e.g. a bytea column or a file).
 */
public record Snapshot(List<Entry> entries) {

	private static final int MAGIC = 0x56474c31; // "VGL1"

	/** One state. {@code partitionKey} routes it back to the right partition on restore. */
	public record Entry(String partitionKey, String subject, String ruleId, byte[] state) {
	}

	public Snapshot {
		entries = List.copyOf(entries);
	}

	public void writeTo(OutputStream out) throws IOException {
		DataOutputStream data = new DataOutputStream(out);
		data.writeInt(MAGIC);
		data.writeInt(entries.size());
		for (Entry e : entries) {
			data.writeUTF(e.partitionKey());
			data.writeUTF(e.subject());
			data.writeUTF(e.ruleId());
			data.writeInt(e.state().length);
			data.write(e.state());
		}
		data.flush();
	}

	public static Snapshot readFrom(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		if (data.readInt() != MAGIC) {
			throw new IOException("not a Vigil engine snapshot");
		}
		int n = data.readInt();
		List<Entry> entries = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String partitionKey = data.readUTF();
			String subject = data.readUTF();
			String ruleId = data.readUTF();
			byte[] state = new byte[data.readInt()];
			data.readFully(state);
			entries.add(new Entry(partitionKey, subject, ruleId, state));
		}
		return new Snapshot(entries);
	}
}

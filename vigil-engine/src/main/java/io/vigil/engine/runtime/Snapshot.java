package io.vigil.engine.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule evaluation state in plain serialisable form, so that an on-delay or an interruption timer
 * survives a restart. The states of one partition are one Java serialisation stream (a part), so a class
 * descriptor, a rule id or a partition key is written once per part and referred to after that, not once
 * per state. {@link #writeTo}/{@link #readFrom} give the binary form to store (e.g. a bytea column or a
 * file); {@link #readFrom} also reads the previous format (one serialisation stream per state), so that an
 * upgrade keeps the states.
 */
public final class Snapshot {

	private static final int MAGIC = 0x56474c32; // "VGL2"
	private static final int MAGIC_ONE_STREAM_PER_STATE = 0x56474c31; // "VGL1", written up to 2026-11

	/** One state. {@code partitionKey} routes it back to the right partition on restore. */
	public record Entry(String partitionKey, String subject, String ruleId, Object state) {
	}

	/** {@code entries} times (partition key, subject, rule id, state), written by one {@link ObjectOutputStream}. */
	record Part(int entries, byte[] stream) {
	}

	private final List<Part> parts;

	Snapshot(List<Part> parts) {
		this.parts = List.copyOf(parts);
	}

	/** Number of states held. */
	public int size() {
		int n = 0;
		for (Part part : parts) {
			n += part.entries();
		}
		return n;
	}

	/**
	 * The states, deserialised (fresh objects on every call).
	 *
	 * @throws IOException when a part is corrupt or holds a state type this version does not know
	 */
	public List<Entry> entries() throws IOException {
		List<Entry> entries = new ArrayList<>(size());
		for (Part part : parts) {
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(part.stream()))) {
				for (int i = 0; i < part.entries(); i++) {
					entries.add(new Entry((String) in.readObject(), (String) in.readObject(), (String) in.readObject(), in.readObject()));
				}
			} catch (ClassNotFoundException | ClassCastException e) {
				throw new IOException("snapshot holds a type this version does not know", e);
			}
		}
		return entries;
	}

	public void writeTo(OutputStream out) throws IOException {
		out.write(toBytes());
		out.flush();
	}

	/** The {@link #writeTo} form, in one array of the exact size. */
	public byte[] toBytes() {
		int length = 8;
		for (Part part : parts) {
			length += 8 + part.stream().length;
		}
		ByteBuffer bytes = ByteBuffer.allocate(length).putInt(MAGIC).putInt(parts.size());
		for (Part part : parts) {
			bytes.putInt(part.entries()).putInt(part.stream().length).put(part.stream());
		}
		return bytes.array();
	}

	/**
	 * Reads what {@link #writeTo} wrote, or a snapshot of the previous format.
	 *
	 * @throws IOException when the bytes are no snapshot or are cut short; corrupt parts show in {@link #entries()}
	 */
	public static Snapshot readFrom(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		int magic = data.readInt();
		if (magic == MAGIC_ONE_STREAM_PER_STATE) {
			return readOneStreamPerState(data);
		}
		if (magic != MAGIC) {
			throw new StreamCorruptedException("not a Vigil engine snapshot");
		}
		int n = data.readInt();
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int entries = data.readInt();
			byte[] stream = new byte[data.readInt()];
			data.readFully(stream);
			parts.add(new Part(entries, stream));
		}
		return new Snapshot(parts);
	}

	/** The previous format: every state its own serialisation stream. Rewritten as one part. */
	private static Snapshot readOneStreamPerState(DataInputStream data) throws IOException {
		int n = data.readInt();
		Writer writer = new Writer(0);
		for (int i = 0; i < n; i++) {
			String partitionKey = data.readUTF();
			String subject = data.readUTF();
			String ruleId = data.readUTF();
			byte[] state = new byte[data.readInt()];
			data.readFully(state);
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
				writer.add(partitionKey, subject, ruleId, in.readObject());
			} catch (ClassNotFoundException e) {
				throw new IOException("snapshot holds a type this version does not know", e);
			}
		}
		return new Snapshot(List.of(writer.finish()));
	}

	/** Writes states into one part. */
	static final class Writer {

		private final ByteArrayOutputStream bytes;
		private final ObjectOutputStream out;
		private int entries;

		/** @param expectedBytes a guess of the part's size (the previous one's), to spare the buffer's regrowth */
		Writer(int expectedBytes) {
			bytes = new ByteArrayOutputStream(Math.max(1024, expectedBytes));
			try {
				out = new ObjectOutputStream(bytes);
			} catch (IOException e) {
				throw new IllegalStateException("a byte array cannot fail", e);
			}
		}

		/** Repeated strings and shared states are written once, then referred to. */
		void add(String partitionKey, String subject, String ruleId, Object state) throws IOException {
			out.writeObject(partitionKey);
			out.writeObject(subject);
			out.writeObject(ruleId);
			out.writeObject(state);
			entries++;
		}

		Part finish() throws IOException {
			out.close();
			return new Part(entries, bytes.toByteArray());
		}
	}
}

package io.vigil.ingest.hj212;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;

/** One data logger's connection: read, decode, deliver, reply, until the input ends. */
final class Hj212Connection implements Runnable {

	private static final System.Logger LOG = System.getLogger(Hj212Connection.class.getName());

	private final Socket socket;

	private final SocketAddress peer;

	private final Hj212ServerSettings settings;

	private final Hj212Authenticator authenticator;

	private final Hj212Sink sink;

	private final Hj212Quarantine quarantine;

	private final Hj212Counters counters;

	private final Hj212Decoder decoder;

	/**
	 * Frames refused one after the other on this connection before it is closed: a logger with a wrong
	 * password keeps resending, and someone guessing passwords should pay a new connection per few guesses.
	 */
	static final int DENIALS_BEFORE_CLOSE = 5;

	private int denialsInARow;

	Hj212Connection(Socket socket, Hj212ServerSettings settings, Hj212Authenticator authenticator, Hj212Sink sink,
			Hj212Quarantine quarantine, Hj212Counters counters) {
		this.socket = socket;
		this.peer = socket.getRemoteSocketAddress();
		this.settings = settings;
		this.authenticator = authenticator;
		this.sink = sink;
		this.quarantine = quarantine;
		this.counters = counters;
		this.decoder = new Hj212Decoder(settings.maxDataLength());
	}

	@Override
	public void run() {
		try (socket) {
			socket.setSoTimeout((int) settings.idleTimeout().toMillis());
			socket.setTcpNoDelay(true);
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			byte[] buffer = new byte[8192];
			while (true) {
				int read;
				try {
					read = in.read(buffer);
				}
				catch (SocketTimeoutException ex) {
					LOG.log(System.Logger.Level.DEBUG, "closing idle connection from {0}", peer);
					handle(decoder.endOfInput(), out);
					return;
				}
				if (read < 0) {
					handle(decoder.endOfInput(), out);
					return;
				}
				if (!handle(decoder.feed(buffer, 0, read), out)) {
					LOG.log(System.Logger.Level.WARNING, "closing connection from {0} after {1} refused frames in a row",
							peer, denialsInARow);
					return;
				}
			}
		}
		catch (IOException ex) {
			// The peer went away or the server is closing; nothing left to answer.
			LOG.log(System.Logger.Level.DEBUG, "connection from {0} ended: {1}", peer, ex.toString());
		}
	}

	/** Handles what was decoded; false when the connection must be closed (too many refused frames). */
	private boolean handle(List<Hj212Decoded> decoded, OutputStream out) throws IOException {
		for (Hj212Decoded item : decoded) {
			if (item instanceof Hj212Frame frame) {
				deliver(frame, out);
				if (denialsInARow >= DENIALS_BEFORE_CLOSE) {
					return false;
				}
			}
			else if (item instanceof Hj212Error error) {
				counters.error(error.reason());
				LOG.log(System.Logger.Level.WARNING, "undecodable input from {0}: {1}", peer, error);
				try {
					quarantine.undecodable(peer, error);
				}
				catch (RuntimeException ex) {
					LOG.log(System.Logger.Level.ERROR, "quarantine failed", ex);
				}
			}
		}
		return true;
	}

	private void deliver(Hj212Frame frame, OutputStream out) throws IOException {
		if (denied(frame)) {
			denialsInARow++;
			return;
		}
		denialsInARow = 0;
		Hj212Ack ack;
		try {
			ack = sink.accept(frame);
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.ERROR, "sink failed on frame from " + peer, ex);
			ack = Hj212Ack.rejected("sink failed: " + ex);
		}
		if (ack == null) {
			ack = Hj212Ack.rejected("sink returned no verdict");
		}
		if (!ack.accepted()) {
			counters.frameRejected();
			LOG.log(System.Logger.Level.WARNING, "frame QN={0} CN={1} from MN {2} rejected: {3}", frame.header().qn(),
					frame.header().cn(), frame.header().mn(), ack.reason());
			try {
				quarantine.rejected(peer, frame, ack.reason());
			}
			catch (RuntimeException ex) {
				LOG.log(System.Logger.Level.ERROR, "quarantine failed", ex);
			}
			return;
		}
		counters.frameAccepted();
		// Only accepted data is answered: in HJ 212-2017 the 9014 data reply means "received", and the standard
		// has no negative reply to an upload (QnRtn codes such as 3 "wrong PW" belong to 9011, the logger's answer
		// to the platform's requests). A denied or rejected frame therefore gets silence and the logger resends.
		if (frame.header().flag().needsAck()) {
			out.write(Hj212Encoder.dataReplyFrame(frame.header()));
			out.flush();
			counters.replySent();
		}
	}

	/** Refuses, without a reply, a frame whose sender is not authenticated; true when it was refused. */
	private boolean denied(Hj212Frame frame) {
		Optional<Hj212Denial> denial;
		try {
			denial = authenticator.check(frame.header());
		}
		catch (RuntimeException ex) {
			// Fail closed: a frame nobody could authenticate is not data anyone vouched for.
			LOG.log(System.Logger.Level.ERROR, "authenticator failed on frame from " + peer, ex);
			denial = Optional.of(new Hj212Denial(Hj212Denial.Reason.UNKNOWN_MN, "authentication failed: " + ex));
		}
		if (denial.isEmpty()) {
			return false;
		}
		counters.frameDenied(denial.get().reason());
		LOG.log(System.Logger.Level.WARNING, "frame QN={0} CN={1} from {2} refused: {3}", frame.header().qn(),
				frame.header().cn(), peer, denial.get().detail());
		try {
			quarantine.denied(peer, frame, denial.get());
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.ERROR, "quarantine failed", ex);
		}
		return true;
	}
}

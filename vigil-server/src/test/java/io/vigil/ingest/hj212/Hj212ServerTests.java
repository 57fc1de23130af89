package io.vigil.ingest.hj212;

import static io.vigil.ingest.hj212.Hj212FrameBuilder.ascii;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.concat;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.readReply;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.realTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.vigil.ingest.hj212.Hj212Error.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives a real {@link Hj212Server} over TCP, as a data logger would. */
class Hj212ServerTests {

	private static final String REJECTED_MN = "REJECTME";

	private static final String FAILING_MN = "THROWS";

	private final List<Hj212Frame> delivered = new CopyOnWriteArrayList<>();

	private final List<Hj212Error> quarantined = new CopyOnWriteArrayList<>();

	private final List<String> rejected = new CopyOnWriteArrayList<>();

	private final List<String> denied = new CopyOnWriteArrayList<>();

	private Hj212Authenticator authenticator = Hj212Authenticator.ANYONE;

	private final Hj212Sink sink = frame -> {
		if (frame.header().mn().equals(FAILING_MN)) {
			throw new IllegalStateException("database down");
		}
		if (frame.header().mn().equals(REJECTED_MN)) {
			return Hj212Ack.rejected("unknown data logger");
		}
		delivered.add(frame);
		return Hj212Ack.durable();
	};

	private final Hj212Quarantine quarantine = new Hj212Quarantine() {

		@Override
		public void undecodable(SocketAddress peer, Hj212Error error) {
			quarantined.add(error);
		}

		@Override
		public void rejected(SocketAddress peer, Hj212Frame frame, String reason) {
			rejected.add(frame.header().qn() + ": " + reason);
		}

		@Override
		public void denied(SocketAddress peer, Hj212Frame frame, Hj212Denial denial) {
			denied.add(frame.header().qn() + ": " + denial.reason());
		}
	};

	private Hj212Server server;

	@AfterEach
	void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void repliesToAnAcceptedFrameThatAsksForIt() throws IOException {
		start(Hj212ServerSettings.defaults().withPort(0));
		try (Socket logger = connect()) {
			send(logger, realTime().qn("20240101000000001").rtd("a01001", "23.5", "N").bytes());

			Hj212Frame reply = readReply(logger);

			assertThat(reply.header().cn()).isEqualTo("9014");
			assertThat(reply.header().st()).isEqualTo("91");
			assertThat(reply.header().qn()).isEqualTo("20240101000000001");
			assertThat(reply.header().mn()).isEqualTo("88888880000001");
			assertThat(delivered).singleElement().satisfies(frame -> assertThat(frame.values()).hasSize(1));
			// The counter moves once the write returns, which may be just after the logger has the bytes.
			await(() -> server.counters().repliesSent() == 1);
			assertThat(server.counters().framesAccepted()).isEqualTo(1);
		}
	}

	@Test
	void doesNotReplyWhenTheFlagDoesNotAsk() throws IOException {
		start(Hj212ServerSettings.defaults().withPort(0));
		try (Socket logger = connect()) {
			send(logger, concat(realTime().qn("1").flag(4).bytes(), realTime().qn("2").flag(5).bytes()));

			// Replies are written in frame order, so the first reply being QN 2 proves QN 1 got none.
			assertThat(readReply(logger).header().qn()).isEqualTo("2");
			assertThat(delivered).extracting(frame -> frame.header().qn()).containsExactly("1", "2");
		}
	}

	@Test
	void doesNotReplyToAFrameTheSinkRejectsOrFailsOn() throws IOException {
		start(Hj212ServerSettings.defaults().withPort(0));
		try (Socket logger = connect()) {
			send(logger, concat(realTime().qn("1").mn(REJECTED_MN).bytes(), realTime().qn("2").mn(FAILING_MN).bytes(),
					realTime().qn("3").bytes()));

			assertThat(readReply(logger).header().qn()).isEqualTo("3");
			assertThat(server.counters().framesRejected()).isEqualTo(2);
			assertThat(server.counters().framesAccepted()).isEqualTo(1);
			assertThat(rejected).containsExactly("1: unknown data logger",
					"2: sink failed: java.lang.IllegalStateException: database down");
		}
	}

	@Test
	void neitherDeliversNorAnswersAFrameWhoseSenderIsDenied() throws IOException {
		authenticator = Hj212Mapping.parse("88888880000001,PW=123456");
		start(Hj212ServerSettings.defaults().withPort(0));
		try (Socket logger = connect()) {
			send(logger, concat(realTime().qn("1").pw("654321").bytes(), realTime().qn("2").mn("STRANGER").bytes(),
					realTime().qn("3").bytes()));

			// Replies keep frame order: the first one answering QN 3 proves that 1 and 2 got none.
			assertThat(readReply(logger).header().qn()).isEqualTo("3");
			assertThat(delivered).extracting(frame -> frame.header().qn()).containsExactly("3");
			assertThat(denied).containsExactly("1: WRONG_PASSWORD", "2: UNKNOWN_MN");
			assertThat(server.counters().framesDenied(Hj212Denial.Reason.WRONG_PASSWORD)).isEqualTo(1);
			assertThat(server.counters().framesDenied(Hj212Denial.Reason.UNKNOWN_MN)).isEqualTo(1);
			assertThat(server.counters().framesRejected()).isZero();
		}
	}

	@Test
	void closesAConnectionThatKeepsSendingFramesItMayNotSend() throws IOException {
		authenticator = Hj212Mapping.parse("88888880000001,PW=123456");
		start(Hj212ServerSettings.defaults().withPort(0));
		try (Socket logger = connect()) {
			// Four wrong guesses and a good frame: the good one resets the count and is answered.
			byte[] guesses = new byte[0];
			for (int i = 1; i < Hj212Connection.DENIALS_BEFORE_CLOSE; i++) {
				guesses = concat(guesses, realTime().qn(String.valueOf(i)).pw("00000" + i).bytes());
			}
			send(logger, concat(guesses, realTime().qn("ok").bytes()));
			assertThat(readReply(logger).header().qn()).isEqualTo("ok");

			byte[] more = new byte[0];
			for (int i = 0; i < Hj212Connection.DENIALS_BEFORE_CLOSE; i++) {
				more = concat(more, realTime().qn("g" + i).pw("99999" + i).bytes());
			}
			send(logger, more);

			logger.setSoTimeout(5_000);
			assertThat(logger.getInputStream().read()).as("the server closed the connection").isEqualTo(-1);
			assertThat(server.counters().framesDenied(Hj212Denial.Reason.WRONG_PASSWORD))
				.isEqualTo(2L * Hj212Connection.DENIALS_BEFORE_CLOSE - 1);
		}
	}

	@Test
	void quarantinesBadInputAndKeepsServingTheConnection() throws IOException {
		start(Hj212ServerSettings.defaults().withPort(0).withMaxDataLength(300));
		byte[] badCrc = ascii(new String(realTime().qn("1").bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
			.replaceFirst("[0-9A-F]{4}\r\n$", "0000\r\n"));
		byte[] truncated = Arrays.copyOf(realTime().qn("2").bytes(), 40);
		byte[] oversized = realTime().qn("3").group("a01001-Rtd=" + "9".repeat(400)).bytes();
		byte[] nonDigitLength = ascii("##01x5QN=4;ST=22\r\n");
		byte[] garbage = ascii("+++ATH0\r\n");
		try (Socket logger = connect()) {
			// After a frame whose extent is unknown (oversized, bad length) the decoder skips to the next "##", so
			// the garbage goes after a good frame to be seen as garbage.
			send(logger, concat(badCrc, realTime().qn("ok1").bytes(), truncated, oversized, nonDigitLength,
					realTime().qn("ok2").bytes(), garbage, realTime().qn("ok3").bytes()));

			assertThat(readReply(logger).header().qn()).isEqualTo("ok1");
			assertThat(readReply(logger).header().qn()).isEqualTo("ok2");
			assertThat(readReply(logger).header().qn()).isEqualTo("ok3");
		}
		assertThat(quarantined).extracting(Hj212Error::reason)
			.containsExactly(Reason.BAD_CRC, Reason.TRUNCATED, Reason.OVERSIZED, Reason.NON_DIGIT_LENGTH, Reason.GARBAGE);
		assertThat(quarantined.get(0).raw()).isEqualTo(badCrc);
		assertThat(quarantined.get(4).rawText()).isEqualTo("+++ATH0\r\n");
		assertThat(server.counters().errors(Reason.BAD_CRC)).isEqualTo(1);
		assertThat(server.counters().errors(Reason.GARBAGE)).isEqualTo(1);
		assertThat(delivered).extracting(frame -> frame.header().qn()).containsExactly("ok1", "ok2", "ok3");
	}

	@Test
	void reportsAFrameCutOffByTheLoggerClosingTheConnection() throws IOException {
		start(Hj212ServerSettings.defaults().withPort(0));
		try (Socket logger = connect()) {
			send(logger, Arrays.copyOf(realTime().bytes(), 70));
			logger.shutdownOutput();
			await(() -> !quarantined.isEmpty());
		}
		assertThat(quarantined).singleElement().satisfies(error -> {
			assertThat(error.reason()).isEqualTo(Reason.TRUNCATED);
			assertThat(error.length()).isEqualTo(70);
		});
		assertThat(server.counters().errors(Reason.TRUNCATED)).isEqualTo(1);
	}

	@Test
	void closesAnIdleConnectionAndReportsItsUnfinishedFrame() throws IOException {
		start(Hj212ServerSettings.defaults().withPort(0).withIdleTimeout(Duration.ofMillis(300)));
		try (Socket logger = connect()) {
			send(logger, Arrays.copyOf(realTime().bytes(), 70));

			assertThat(logger.getInputStream().read()).isEqualTo(-1);
			assertThat(quarantined).extracting(Hj212Error::reason).containsExactly(Reason.TRUNCATED);
		}
	}

	@Test
	void refusesConnectionsBeyondTheMaximum() throws IOException {
		start(Hj212ServerSettings.defaults().withPort(0).withMaxConnections(1));
		try (Socket first = connect()) {
			send(first, realTime().qn("1").bytes());
			readReply(first);
			try (Socket second = connect()) {
				assertThat(second.getInputStream().read()).isEqualTo(-1);
			}
			assertThat(server.counters().connectionsRefused()).isEqualTo(1);
			send(first, realTime().qn("2").bytes());
			assertThat(readReply(first).header().qn()).isEqualTo("2");
		}
	}

	@Test
	void closeEndsConnectionsAndStopsListening() throws IOException {
		start(Hj212ServerSettings.defaults().withPort(0));
		int port = server.port();
		try (Socket logger = connect()) {
			send(logger, realTime().bytes());
			readReply(logger);

			server.close();

			assertThat(logger.getInputStream().read()).isEqualTo(-1);
			assertThat(server.openConnections()).isZero();
			assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> new Socket("localhost", port).close());
		}
	}

	private void start(Hj212ServerSettings settings) throws IOException {
		server = new Hj212Server(settings, authenticator, sink, quarantine);
		server.start();
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("localhost", server.port());
		socket.setSoTimeout(5000);
		return socket;
	}

	private static void send(Socket socket, byte[] bytes) throws IOException {
		socket.getOutputStream().write(bytes);
		socket.getOutputStream().flush();
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}
}

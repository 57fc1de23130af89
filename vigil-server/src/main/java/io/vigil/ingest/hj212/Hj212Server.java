package io.vigil.ingest.hj212;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server for HJ 212 data loggers: one thread per connection (blocking I/O keeps the per-frame
 * sink-then-reply order trivially correct, and the connection cap bounds the threads), a {@link Hj212Decoder}
 * per connection, every frame whose sender the {@link Hj212Authenticator} admits handed to the {@link Hj212Sink}
 * (denied ones go to the {@link Hj212Quarantine}, unanswered), a 9014 reply written when the sink accepted a
 * frame whose {@code Flag} asks for one, and every decoding error handed to the {@link Hj212Quarantine}.
 * Errors never close a connection; only end of input, the idle timeout, an I/O failure or {@link #close()} do.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #close()}, which stops accepting, closes every connection
 * and waits briefly for their threads.
 */
public final class Hj212Server implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(Hj212Server.class.getName());

	private final Hj212ServerSettings settings;

	private final Hj212Authenticator authenticator;

	private final Hj212Sink sink;

	private final Hj212Quarantine quarantine;

	private final Hj212Counters counters = new Hj212Counters();

	private final Semaphore connectionSlots;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final ExecutorService connections;

	private volatile ServerSocket serverSocket;

	private volatile boolean closed;

	private Thread acceptor;

	public Hj212Server(Hj212ServerSettings settings, Hj212Authenticator authenticator, Hj212Sink sink,
			Hj212Quarantine quarantine) {
		this.settings = settings;
		this.authenticator = authenticator;
		this.sink = sink;
		this.quarantine = quarantine;
		this.connectionSlots = new Semaphore(settings.maxConnections());
		AtomicInteger threadNumber = new AtomicInteger();
		// The queue never holds work in practice: connectionSlots admits no more tasks than there are threads.
		ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.maxConnections(), settings.maxConnections(), 30,
				TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
					Thread thread = new Thread(task, "hj212-connection-" + threadNumber.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		this.connections = pool;
	}

	/** Binds the port and starts accepting. */
	public synchronized void start() throws IOException {
		if (serverSocket != null || closed) {
			throw new IllegalStateException("an Hj212Server can be started once");
		}
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(settings.port()));
		serverSocket = socket;
		acceptor = new Thread(this::acceptLoop, "hj212-acceptor-" + socket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
		LOG.log(System.Logger.Level.INFO, "HJ 212 server listening on port {0}", String.valueOf(socket.getLocalPort()));
	}

	/** The bound port, useful when the settings asked for 0. */
	public int port() {
		ServerSocket socket = serverSocket;
		if (socket == null) {
			throw new IllegalStateException("not started");
		}
		return socket.getLocalPort();
	}

	public Hj212Counters counters() {
		return counters;
	}

	/** Connections currently open. */
	public int openConnections() {
		return open.size();
	}

	private void acceptLoop() {
		while (!closed) {
			Socket socket;
			try {
				socket = serverSocket.accept();
			}
			catch (IOException ex) {
				if (!closed) {
					LOG.log(System.Logger.Level.WARNING, "accept failed", ex);
				}
				continue;
			}
			if (!connectionSlots.tryAcquire()) {
				counters.connectionRefused();
				LOG.log(System.Logger.Level.WARNING, "refusing {0}: {1} connections open", socket.getRemoteSocketAddress(),
						settings.maxConnections());
				closeQuietly(socket);
				continue;
			}
			counters.connectionAccepted();
			open.add(socket);
			Hj212Connection connection = new Hj212Connection(socket, settings, authenticator, sink, quarantine,
					counters);
			connections.execute(() -> {
				try {
					connection.run();
				}
				finally {
					open.remove(socket);
					connectionSlots.release();
				}
			});
			if (closed) {
				closeQuietly(socket);
			}
		}
	}

	/** Stops accepting, closes all connections (a frame in the sink is still answered if the socket allows). */
	@Override
	public void close() {
		closed = true;
		ServerSocket socket = serverSocket;
		if (socket != null) {
			closeQuietly(socket);
		}
		open.forEach(Hj212Server::closeQuietly);
		connections.shutdown();
		try {
			if (!connections.awaitTermination(5, TimeUnit.SECONDS)) {
				connections.shutdownNow();
			}
			if (acceptor != null) {
				acceptor.join(5000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing is best effort: the peer may already be gone.
		}
	}
}

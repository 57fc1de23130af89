package io.vigil.ingest.hj212;

/**
 * Where the {@link Hj212Server} delivers each well-formed frame, on the connection's own thread, one frame at a
 * time per connection and in arrival order.
 *
 * <p>Contract: return {@link Hj212Ack#durable()} only once everything the frame carries that Vigil keeps is
 * durable, because the server then confirms receipt to the data logger (9014, when the frame's {@code Flag} asks
 * for it) and the logger will not send it again. Return {@link Hj212Ack#rejected(String)} when the frame must
 * not be confirmed; the logger will typically resend it. Blocking is expected and is how back-pressure reaches
 * the logger. A thrown exception counts as a rejection, and the connection stays open.
 */
@FunctionalInterface
public interface Hj212Sink {

	Hj212Ack accept(Hj212Frame frame);
}

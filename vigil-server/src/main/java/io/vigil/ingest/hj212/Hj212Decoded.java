package io.vigil.ingest.hj212;

/** What the {@link Hj212Decoder} makes of a unit of input: a {@link Hj212Frame} or a {@link Hj212Error}. */
public sealed interface Hj212Decoded permits Hj212Frame, Hj212Error {
}

/**
 * HJ 212-2017 (the Chinese environmental monitoring data-transfer protocol) as a plain library: framing and
 * CRC, a streaming decoder that resynchronises after bad input, the 9014 data reply, a blocking TCP server
 * that hands each frame whose sender an {@link io.vigil.ingest.hj212.Hj212Authenticator} admits to an
 * {@link io.vigil.ingest.hj212.Hj212Sink}, and the mapping from (MN, pollutant code) to Vigil sensor codes with
 * each logger's access password. No framework types: the application wires it.
 */
package io.vigil.ingest.hj212;

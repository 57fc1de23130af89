/**
 * MQTT ingest: the embedded HiveMQ broker with Vigil's authenticator and publish interceptor, or a client of an
 * external broker with a shared subscription. Either way a QoS 1 message is acknowledged only after its readings
 * are durable.
 */
package io.vigil.ingest.mqtt;

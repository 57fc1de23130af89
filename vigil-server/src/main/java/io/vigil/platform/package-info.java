/** Wiring only: embedded services, security, error mapping, clock. No business rules live here. */
package io.vigil.platform;

/**
 * Organisations (the region tree, enterprises, regulators, the duty center), users and roles, login,
 * enterprise API keys, and the data scope that every read and write is checked against.
 */
package io.vigil.organisation;

/** The append-only audit log (R8.2): who changed what, when, with the state before and after. */
package io.vigil.audit;

/**
 * Notifications (R5.5): routed warnings become notices per recipient, grouped into messages (red at once,
 * the rest in per-recipient digests so that storms do not flood anyone) and delivered through channels —
 * in-app live stream, signed webhooks, e-mail, SMS gateway, WeCom and DingTalk robots — with a delivery
 * log, retries and exponential back-off.
 */
package io.vigil.notification;

package io.vigil.notification;

/**
 * One way out. {@link #send} returns normally when the far side accepted the message and throws
 * otherwise; the delivery log then retries with back-off, so a channel never retries by itself.
 */
public interface NotificationChannel {

	/** The channel's name in the delivery log: in_app, webhook, wecom, dingtalk, email, sms. */
	String name();

	/** @param target what the delivery names: a username, URL, address or phone number */
	void send(Message message, String target) throws Exception;
}

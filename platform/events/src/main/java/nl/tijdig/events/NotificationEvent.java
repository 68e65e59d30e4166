package nl.tijdig.events;

/**
 * Published by the notification-service on {@code tijdig.notification.v1}: about a case's communications
 * ({@link CaseNotification}, keyed by the case id) or about a tenant's webhook subscription (keyed by the
 * subscription id).
 */
public sealed interface NotificationEvent extends PublicEvent permits CaseNotification, WebhookEndpointDisabled {
}

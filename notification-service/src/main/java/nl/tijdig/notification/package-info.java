/**
 * The notification-service: every communication (letters, email, SMS, phone tasks, webhooks) and the log of them. Publishes on tijdig.notification.v1.
 *
 * <p>Packages: {@code api} (REST resources and DTOs), {@code domain} (pure Java deciders and state, no
 * framework), {@code store} (persistence and projections), {@code messaging} (thin Kafka adapters).
 */
package nl.tijdig.notification;

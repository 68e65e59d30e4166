/**
 * The collection-gateway: hand-over of claims to collection agencies and factoring partners, and their status back. Publishes on tijdig.collection.v1.
 *
 * <p>Packages: {@code api} (REST resources and DTOs), {@code domain} (pure Java deciders and state, no
 * framework), {@code store} (persistence and projections), {@code messaging} (thin Kafka adapters).
 */
package nl.tijdig.collection;

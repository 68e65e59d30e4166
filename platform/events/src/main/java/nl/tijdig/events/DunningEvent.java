package nl.tijdig.events;

/**
 * Published by the dunning-service on {@code tijdig.dunning.v1}: events about a case keyed by its case id
 * ({@link DunningCaseEvent}); the weekly overview keyed by the tenant's overview id.
 */
public sealed interface DunningEvent extends PublicEvent permits DunningCaseEvent, WeeklyOverviewCompiled {
}

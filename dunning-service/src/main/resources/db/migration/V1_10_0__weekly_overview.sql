-- The weekly overview (WeeklyOverviewCompiled): the tenant's day (MONDAY … SUNDAY, or OFF; Monday when
-- the tenant has set nothing), and per tenant the last week published and its overview stream's version.
ALTER TABLE dunning_settings ADD COLUMN weekly_overview_day text
    CHECK (weekly_overview_day IN ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY', 'OFF'));
CREATE TABLE weekly_overviews (
    tenant_id      uuid   PRIMARY KEY,
    week           text   NOT NULL,
    published_on   date   NOT NULL,
    stream_version bigint NOT NULL
);

-- The statutory interest rates (art. 6:119 consumers, 6:119a businesses), per half year, as data an
-- operator updates (PUT /admin/interest-rates). Seeded with the values known when written; those from
-- 2025 on are unverified in DOMAIN-NL.md and are for the operator to confirm.
CREATE TABLE interest_rates (
    valid_from date          PRIMARY KEY,
    consumer   numeric(6,3)  NOT NULL CHECK (consumer >= 0 AND consumer <= 50),
    commercial numeric(6,3)  NOT NULL CHECK (commercial >= 0 AND commercial <= 50)
);
INSERT INTO interest_rates (valid_from, consumer, commercial) VALUES
    ('2023-01-01', 4, 10.5),
    ('2023-07-01', 6, 12),
    ('2024-01-01', 7, 12.5),
    ('2024-07-01', 7, 12.25),
    ('2025-01-01', 6, 11.15),
    ('2025-07-01', 6, 10.15),
    ('2026-01-01', 4, 10.15);

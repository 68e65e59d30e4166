-- The official history of the statutory interest rates from 2013 (issue #24): letters and quotes about claims
-- that fell due before 2023 had no rate and failed.
-- Sources:
--   art. 6:119 BW (consumers): Besluit vaststelling wettelijke rente (wetten.overheid.nl), as listed by the
--     Rijksoverheid ("Hoe hoog is de wettelijke rente?") and De Nederlandsche Bank;
--   art. 6:119a BW (businesses): art. 6:120 lid 2 BW, the ECB's main refinancing rate on the first calendar day of
--     the half year (ecb.europa.eu, "Key ECB interest rates") plus 8 points; 7 points before the Dutch implementation
--     of directive 2011/7/EU on 16 March 2013 (Stb. 2013, 104).
-- Rows already there (the seed of V1_0_0, or an operator's) are kept.
INSERT INTO interest_rates (valid_from, consumer, commercial) VALUES
    ('2013-01-01', 3, 7.75),
    ('2013-03-16', 3, 8.75),
    ('2013-07-01', 3, 8.5),
    ('2014-01-01', 3, 8.25),
    ('2014-07-01', 3, 8.15),
    ('2015-01-01', 2, 8.05),
    ('2015-07-01', 2, 8.05),
    ('2016-01-01', 2, 8.05),
    ('2016-07-01', 2, 8),
    ('2017-01-01', 2, 8),
    ('2017-07-01', 2, 8),
    ('2018-01-01', 2, 8),
    ('2018-07-01', 2, 8),
    ('2019-01-01', 2, 8),
    ('2019-07-01', 2, 8),
    ('2020-01-01', 2, 8),
    ('2020-07-01', 2, 8),
    ('2021-01-01', 2, 8),
    ('2021-07-01', 2, 8),
    ('2022-01-01', 2, 8),
    ('2022-07-01', 2, 8)
ON CONFLICT (valid_from) DO NOTHING;

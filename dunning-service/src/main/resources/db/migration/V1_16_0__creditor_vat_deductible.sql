-- Whether the creditor can deduct VAT (CreditorProfileUpdated.vatDeductible; absent: it can). One that cannot
-- charges VAT on the collection costs (art. 2 lid 3 Besluit vergoeding voor buitengerechtelijke incassokosten).
ALTER TABLE creditors ADD COLUMN vat_deductible boolean NOT NULL DEFAULT true;

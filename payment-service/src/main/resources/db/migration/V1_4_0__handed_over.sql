-- An invoice handed over (to a collection agency on EscalatedToCollection, to a factor on
-- InvoiceAssigned) is no longer the creditor's to collect: no direct-debit run takes it.
ALTER TABLE open_items ADD COLUMN handed_over text CHECK (handed_over IN ('COLLECTION', 'FACTOR'));

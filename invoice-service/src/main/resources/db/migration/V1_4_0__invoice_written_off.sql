-- A payment may close an invoice with a residual below the tenant's tolerance (Allocation.writtenOff):
-- that residual counts as settled (in paid) and is kept apart here for the record.
ALTER TABLE invoice_payments ADD COLUMN written_off numeric(19,4) NOT NULL DEFAULT 0;

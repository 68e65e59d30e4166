-- What reading a statement found before it was imported: its format's version, the warnings (where the
-- bank's file deviates from its standard without changing an entry, with line and column) and each
-- statement's opening and closing balance against its booked entries.
ALTER TABLE statement_imports ADD COLUMN version  text;
ALTER TABLE statement_imports ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]';
ALTER TABLE statement_imports ADD COLUMN balances jsonb NOT NULL DEFAULT '[]';

-- A rotated callback secret keeps verifying until previous_callback_secret_until, so the partner can switch over.
ALTER TABLE partners ADD COLUMN previous_callback_secret bytea, ADD COLUMN previous_callback_secret_until timestamptz;

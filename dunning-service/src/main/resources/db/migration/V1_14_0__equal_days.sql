-- Days the minister made equal to the generally recognised holidays (Algemene termijnenwet art. 3 lid 3), as data
-- the operator adds (PUT /admin/holidays/{day}): every term (the 14-dagenbrief's deadline, a posted letter's day
-- of receipt) treats them as holidays. The holidays of art. 3 lid 1 are computed (DutchCalendar).
CREATE TABLE equal_days (
    day  date PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);

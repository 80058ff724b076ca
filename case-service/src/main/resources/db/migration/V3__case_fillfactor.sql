-- Room on each page for a case's next version: a change that touches no indexed column (submitting,
-- applying coverage and matches, most transitions) is then a heap-only update, which writes no index
-- entries. Every case is changed several times within minutes of its creation.
alter table patient_case set (fillfactor = 70);

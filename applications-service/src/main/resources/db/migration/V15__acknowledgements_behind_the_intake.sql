-- What the intake leaves for behind it (issue 15): the "application received" mail and each person's confirmation link
-- are written by a batch after the answer (Acknowledgements), a row here saying which applications still wait for
-- them. In a rush they were two thirds of an intake's rows (five confirmations and seven mails of 23), and nobody waits
-- on them the way a school waits on its answer. No foreign key: checking it would lock the application row the intake
-- has just written, and an acknowledgement whose application is gone has nothing left to do.
CREATE TABLE acknowledgement_due (
    application_id uuid PRIMARY KEY
);

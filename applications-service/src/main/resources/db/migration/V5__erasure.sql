-- Erasing a person at their request (UK GDPR, right to erasure): their name, email address and TRN are overwritten
-- wherever this service holds them; the applications stay, so that what a school took part in still counts.

-- A main contact erased has no TRN any more.
ALTER TABLE application ALTER COLUMN main_contact_trn DROP NOT NULL;
ALTER TABLE application_person ADD COLUMN erased_at timestamptz;

-- Finding a person by address or TRN without reading every application.
CREATE INDEX application_person_by_email ON application_person (lower(email));
CREATE INDEX application_person_by_trn ON application_person (trn);
CREATE INDEX application_by_headteacher_email ON application (lower(headteacher_email));
CREATE INDEX application_by_main_contact_email ON application (lower(main_contact_email));
CREATE INDEX application_by_main_contact_trn ON application (main_contact_trn);
CREATE INDEX commitment_confirmation_by_email ON commitment_confirmation (lower(email));
CREATE INDEX expression_of_interest_by_email ON expression_of_interest (lower(contact_email));

-- Each request, for the record: who asked for it and how much it erased. Never whom it was about.
CREATE TABLE erasure (
    id           uuid        PRIMARY KEY,
    requested_by text        NOT NULL,
    erased_at    timestamptz NOT NULL,
    records      integer     NOT NULL,
    applications integer     NOT NULL
);

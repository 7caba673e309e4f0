-- The government's schools register (GIAS), as much of it as eligibility needs, and schools' participation history.

CREATE TABLE school (
    urn                 text        PRIMARY KEY CHECK (urn ~ '^[0-9]{6,7}$'),
    name                text        NOT NULL,
    -- The name folded for autocomplete: lower case, accents removed ("Thérèse" is found as "therese").
    search_name         text        NOT NULL,
    type_code           integer,
    type_name           text        NOT NULL DEFAULT '',
    status_code         integer,
    status_name         text        NOT NULL DEFAULT '',
    phase_code          integer,
    statutory_low_age   integer,
    statutory_high_age  integer,
    local_authority     text        NOT NULL DEFAULT '',
    district_code       text        NOT NULL DEFAULT '',
    street              text        NOT NULL DEFAULT '',
    locality            text        NOT NULL DEFAULT '',
    town                text        NOT NULL DEFAULT '',
    postcode            text        NOT NULL DEFAULT '',
    updated_at          timestamptz NOT NULL
);
CREATE INDEX school_by_search_name ON school (search_name text_pattern_ops);

-- links.csv: a school's predecessors and successors (an academy conversion closes one URN and opens another).
CREATE TABLE school_link (
    urn        text NOT NULL,
    link_urn   text NOT NULL,
    link_type  text NOT NULL,
    PRIMARY KEY (urn, link_urn)
);
CREATE INDEX school_link_by_link ON school_link (link_urn);

-- Which school took part in or completed which programme in which year: from completed Work Groups (events)
-- and, for the years before the platform, imported.
CREATE TABLE participation_record (
    id             uuid        PRIMARY KEY,
    urn            text        NOT NULL CHECK (urn ~ '^[0-9]{6,7}$'),
    programme_code text        NOT NULL,
    academic_year  text        NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
    outcome        text        NOT NULL CHECK (outcome IN ('TOOK_PART', 'COMPLETED')),
    source         text        NOT NULL CHECK (source IN ('IMPORT', 'EVENT')),
    recorded_at    timestamptz NOT NULL,
    CONSTRAINT one_record_per_school_programme_year UNIQUE (urn, programme_code, academic_year)
);

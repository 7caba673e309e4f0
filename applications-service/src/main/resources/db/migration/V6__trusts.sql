-- Multi-academy trusts: a school belongs to one (GIAS "Trusts (code)" and "Trusts (name)", or set by a programme
-- admin, which a later import leaves alone). A trust lead sees their trust's schools' applications and participation.
ALTER TABLE school ADD COLUMN trust_code text;
ALTER TABLE school ADD COLUMN trust_name text;
-- Who set the trust by hand; null while it comes from the register.
ALTER TABLE school ADD COLUMN trust_set_by text;
CREATE INDEX school_by_trust ON school (trust_code) WHERE trust_code IS NOT NULL;

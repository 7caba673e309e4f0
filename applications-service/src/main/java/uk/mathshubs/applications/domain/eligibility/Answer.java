package uk.mathshubs.applications.domain.eligibility;

/** A school's answer to one of a programme's declaration questions ("Are your teachers in Year 4 and 5 able to commit fully?"). */
public enum Answer {
    YES, NO, UNSURE
}

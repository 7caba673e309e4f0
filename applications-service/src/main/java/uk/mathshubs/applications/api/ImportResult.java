package uk.mathshubs.applications.api;

/** How many rows an import read; every one was stored, or (on a 400) none was. */
public record ImportResult(int rows) {
}

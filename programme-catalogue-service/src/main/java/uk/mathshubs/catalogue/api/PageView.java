package uk.mathshubs.catalogue.api;

import java.util.List;

/** A page of the Work Group listing as version 1 of the API answered it ({@code page} counts from 0); version 2 pages with a cursor. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}

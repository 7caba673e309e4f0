package uk.mathshubs.catalogue.api;

import jakarta.validation.constraints.NotNull;

import uk.mathshubs.catalogue.domain.WorkGroupStatus;

public record StatusChange(@NotNull WorkGroupStatus status) {
}

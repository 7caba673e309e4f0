package uk.mathshubs.applications.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;

public record WithdrawalRequest(@Schema(example = "Our Year 2 teacher is leaving at Christmas") @Size(max = 1000) @PlainText(multiline = true) String reason) {
}

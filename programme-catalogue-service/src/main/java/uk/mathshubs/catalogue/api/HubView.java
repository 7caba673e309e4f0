package uk.mathshubs.catalogue.api;

public record HubView(String code, String name, String contactEmail, String region) {
}

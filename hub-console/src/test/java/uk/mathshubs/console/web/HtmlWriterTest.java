package uk.mathshubs.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;

class HtmlWriterTest {

    private final HtmlWriter writer = new HtmlWriter();

    @Test
    void aPageIsWrittenAsUtf8WhateverItsCharacters() throws Exception {
        String page = "<title>Register – Number Sense · Ł</title>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.writeTo(page, String.class, String.class, null, MediaType.TEXT_HTML_TYPE, new MultivaluedHashMap<>(), out);

        assertThat(out.toByteArray()).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(page);
    }

    @Test
    void aTemplateIsRenderedThereAndThen() throws Exception {
        TemplateInstance page = Engine.builder().addDefaults().build().parse("<h1>{title}</h1>").data("title", "Ł – Number Sense");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.writeTo(page, TemplateInstance.class, TemplateInstance.class, null, MediaType.TEXT_HTML_TYPE,
                new MultivaluedHashMap<>(), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("<h1>Ł – Number Sense</h1>");
    }

    @Test
    void onlyPagesAreItsToWrite() {
        assertThat(writer.isWriteable(String.class, String.class, (ResteasyReactiveResourceInfo) null, MediaType.TEXT_HTML_TYPE))
                .isTrue();
        assertThat(writer.isWriteable(Integer.class, Integer.class, (ResteasyReactiveResourceInfo) null, MediaType.TEXT_HTML_TYPE))
                .isFalse();
        assertThat(writer.isWriteable(String.class, String.class, new Annotation[0], MediaType.TEXT_HTML_TYPE)).isTrue();
        assertThat(writer.isWriteable(TemplateInstance.class, TemplateInstance.class, (ResteasyReactiveResourceInfo) null,
                MediaType.TEXT_HTML_TYPE)).isTrue();
    }
}

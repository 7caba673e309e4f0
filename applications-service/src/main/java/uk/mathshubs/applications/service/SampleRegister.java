package uk.mathshubs.applications.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import uk.mathshubs.applications.config.ApplicationsConfig;
import uk.mathshubs.applications.domain.school.School;

/** Development and the local platform: the sample schools register and history, into an empty register. */
@ApplicationScoped
public class SampleRegister {

    private static final Logger LOG = Logger.getLogger(SampleRegister.class);

    private final SchoolRegister register;
    private final ParticipationHistory history;
    private final ApplicationsConfig config;

    public SampleRegister(SchoolRegister register, ParticipationHistory history, ApplicationsConfig config) {
        this.register = register;
        this.history = history;
        this.config = config;
    }

    @Transactional
    void load(@Observes StartupEvent startup) {
        if (!config.schoolRegister().loadSample() || School.count() > 0) {
            return;
        }
        int schools = register.importSchools(resource("edubasealldata-sample.csv"), StandardCharsets.ISO_8859_1);
        register.importLinks(resource("links-sample.csv"), StandardCharsets.ISO_8859_1);
        int records = history.importCsv(resource("participation-history-sample.csv"), StandardCharsets.UTF_8);
        LOG.infof("Loaded the sample schools register: %d schools, %d participation records", schools, records);
    }

    private static InputStream resource(String name) {
        InputStream in = SampleRegister.class.getResourceAsStream("/schools/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("the sample " + name + " ships with the service"));
        }
        return in;
    }
}

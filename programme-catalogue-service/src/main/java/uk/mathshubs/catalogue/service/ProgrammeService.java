package uk.mathshubs.catalogue.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.mathshubs.catalogue.api.ProgrammeRequest;
import uk.mathshubs.catalogue.domain.Programme;
import uk.mathshubs.catalogue.events.CatalogueEvents;
import uk.mathshubs.catalogue.mapping.CatalogueMapper;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.kit.problem.ProblemException;

/** The national programme catalogue, owned by the NCETM. */
@ApplicationScoped
@Transactional
public class ProgrammeService {

    private final CatalogueMapper mapper;
    private final CatalogueEvents events;
    private final Clock clock;

    public ProgrammeService(CatalogueMapper mapper, CatalogueEvents events, Clock clock) {
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Programme> list() {
        return Programme.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Programme> find(String code) {
        return Programme.findByIdOptional(code);
    }

    /** Adds a programme: from now on hubs can run Work Groups of it, with no code change. */
    public Programme add(ProgrammeRequest request) {
        if (Programme.findById(request.code()) != null) {
            throw ProblemException.conflict("programme-exists", "Programme exists",
                    "A programme with code " + request.code() + " already exists; change it with PUT");
        }
        Programme programme = new Programme();
        mapper.copy(request, programme);
        programme.revision = 1;
        programme.updatedAt = clock.instant();
        programme.persist();
        events.programme(EventType.PROGRAMME_PUBLISHED, programme);
        return programme;
    }

    public Optional<Programme> change(String code, ProgrammeRequest request) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalidField("code", "must match the programme in the address (" + code + ")");
        }
        return Programme.<Programme>findByIdOptional(code).map(programme -> {
            mapper.copy(request, programme);
            programme.revision++;
            programme.updatedAt = clock.instant();
            events.programme(EventType.PROGRAMME_CHANGED, programme);
            return programme;
        });
    }
}

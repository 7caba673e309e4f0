package uk.mathshubs.catalogue.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.catalogue.api.HubRequest;
import uk.mathshubs.catalogue.domain.Hub;
import uk.mathshubs.catalogue.events.CatalogueEvents;

@ApplicationScoped
@Transactional
public class HubService {

    private final CatalogueEvents events;

    public HubService(CatalogueEvents events) {
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hub> list() {
        return Hub.listAll(Sort.by("name"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Hub> find(String code) {
        return Hub.findByIdOptional(code);
    }

    /** Creates or updates a hub under its code; true when it was created. */
    public boolean put(String code, HubRequest request) {
        Hub hub = Hub.findById(code);
        boolean created = hub == null;
        if (created) {
            hub = new Hub();
            hub.code = code;
        }
        hub.name = request.name().strip();
        hub.contactEmail = request.contactEmail().strip();
        hub.region = request.region().strip();
        hub.persist();
        events.hub(created, hub);
        return created;
    }
}

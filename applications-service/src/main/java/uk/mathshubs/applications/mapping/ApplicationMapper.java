package uk.mathshubs.applications.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.applications.api.ApplicationView;
import uk.mathshubs.applications.domain.Application;

@ApplicationScoped
public class ApplicationMapper {

    public ApplicationView toView(Application a) {
        return new ApplicationView(a.reference, a.workGroupId, a.status.name(), a.waitingListPosition, a.submittedAt,
                new ApplicationView.School(a.urn, a.schoolName, a.localAuthority),
                a.people.stream().map(p -> new ApplicationView.Person(p.role, p.name, p.email)).toList());
    }
}

package uk.mathshubs.applications.domain.eligibility;

import java.util.List;
import java.util.Optional;

/** Where the rules' facts about schools come from: the schools register and the participation history it holds. */
public interface SchoolDirectory {

    /** The school with this URN, if the register knows it. */
    Optional<SchoolFacts> school(String urn);

    /** What the school took part in, following it across changes of URN (an academy conversion keeps its history). */
    List<Participation> history(String urn);
}

package uk.mathshubs.applications.domain.eligibility;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the rules' facts about schools come from: the schools register and the participation history it holds. */
public interface SchoolDirectory {

    /** The school with this URN, if the register knows it. */
    Optional<SchoolFacts> school(String urn);

    /**
     * What the school took part in, following it across changes of URN (an academy conversion keeps its history), and
     * the places it has accepted on this platform in Work Groups other than the one it is applying to (it intends to
     * take part in them).
     */
    List<Participation> history(String urn, UUID applyingTo);
}

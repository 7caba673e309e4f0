package uk.mathshubs.applications.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A multi-academy trust and its schools, as the register (or a programme admin) says. */
@Schema(example = """
        {"code": "5712", "name": "Elston Hall Learning Trust", "schools": [{"urn": "137001",
         "name": "Elston Hall Primary School", "localAuthority": "Wolverhampton"}]}""")
public record TrustView(String code, String name, List<School> schools) {

    public record School(String urn, String name, String localAuthority) {
    }
}

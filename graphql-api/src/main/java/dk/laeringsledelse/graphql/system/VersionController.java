package dk.laeringsledelse.graphql.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** A health-like query: which version of the product answers. */
@Controller
public class VersionController {

    private final String version;

    VersionController(@Value("${laeringsledelse.version:dev}") String version) {
        this.version = version;
    }

    @QueryMapping
    public String version() {
        return version;
    }
}

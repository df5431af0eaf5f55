package dk.laeringsledelse.graphql.system;

import dk.laeringsledelse.graphql.support.ApiProperties;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** A health-like query: which version of the product answers. */
@Controller
public class VersionController {

    private final String version;

    VersionController(ApiProperties properties) {
        this.version = properties.version();
    }

    @QueryMapping
    public String version() {
        return version;
    }
}

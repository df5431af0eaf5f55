package dk.laeringsledelse.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The output-only {@code JSON} scalar: stored JSON text answered as a JSON value (object, array, ...). */
@Configuration(proxyBeanMethods = false)
public class JsonScalar {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final GraphQLScalarType SCALAR = GraphQLScalarType.newScalar().name("JSON")
            .description("Any JSON value; output only (an event's payload)")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    try {
                        return JSON.readValue(value.toString(), Object.class);
                    } catch (JsonProcessingException e) {
                        throw new CoercingSerializeException("not JSON text", e);
                    }
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    throw new CoercingParseValueException("JSON is an output type only");
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                           Locale locale) {
                    throw new CoercingParseLiteralException("JSON is an output type only");
                }
            }).build();

    @Bean
    RuntimeWiringConfigurer jsonScalarWiring() {
        return wiring -> wiring.scalar(SCALAR);
    }
}

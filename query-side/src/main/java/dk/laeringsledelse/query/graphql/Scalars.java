package dk.laeringsledelse.query.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * ISO-8601 scalars: {@code Date} (2026-11-24) and {@code DateTime} (2026-11-24T09:30:00Z, any offset accepted); and
 * the output-only {@code JSON}: stored JSON text answered as a JSON value (an event's payload).
 */
@Configuration(proxyBeanMethods = false)
public class Scalars {

    public static final GraphQLScalarType DATE = scalar("Date", "An ISO-8601 calendar date, e.g. 2026-11-24",
            LocalDate.class, LocalDate::parse, "an ISO-8601 date such as 2026-11-24");

    public static final GraphQLScalarType DATE_TIME = scalar("DateTime",
            "An ISO-8601 instant with offset, e.g. 2026-11-24T09:30:00Z", Instant.class,
            text -> OffsetDateTime.parse(text).toInstant(), "an ISO-8601 date-time with offset such as 2026-11-24T09:30:00Z");

    private static final ObjectMapper JSON_TEXT = new ObjectMapper();

    public static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON")
            .description("Any JSON value; output only (an event's payload)")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    try {
                        return JSON_TEXT.readValue(value.toString(), Object.class);
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
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring.scalar(DATE).scalar(DATE_TIME).scalar(JSON);
    }

    private static <T> GraphQLScalarType scalar(String name, String description, Class<T> type,
                                                Function<String, T> parser, String expected) {
        Coercing<T, String> coercing = new Coercing<>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return value.toString();
                }
                throw new CoercingSerializeException(name + " cannot represent " + value);
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String text) {
                    try {
                        return parser.apply(text);
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseValueException("'" + text + "' is not " + expected);
                    }
                }
                throw new CoercingParseValueException("expected " + expected + " as a string");
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue text) {
                    try {
                        return parser.apply(text.getValue());
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseLiteralException("'" + text.getValue() + "' is not " + expected);
                    }
                }
                throw new CoercingParseLiteralException("expected " + expected + " as a string");
            }
        };
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(coercing).build();
    }
}

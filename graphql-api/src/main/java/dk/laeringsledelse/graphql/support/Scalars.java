package dk.laeringsledelse.graphql.support;

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
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
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

    /**
     * The built-in ID turns any input into text ({@code true}, {@code 1.5}, {@code {"$gt": ""}} become ids); this
     * one accepts what the GraphQL specification allows for an ID input, a string or an integer, and refuses the rest.
     */
    public static final GraphQLScalarType ID = GraphQLScalarType.newScalar(graphql.Scalars.GraphQLID)
            .coercing(new Coercing<Object, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    return (String) graphql.Scalars.GraphQLID.getCoercing().serialize(value, context, locale);
                }

                @Override
                public String parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String || input instanceof Integer || input instanceof Long
                            || input instanceof java.math.BigInteger) {
                        return input.toString();
                    }
                    throw new CoercingParseValueException("an ID is a string or an integer, not "
                            + (input == null ? "null" : input.getClass().getSimpleName()));
                }

                @Override
                public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                           Locale locale) {
                    if (input instanceof StringValue text) {
                        return text.getValue();
                    }
                    if (input instanceof graphql.language.IntValue number) {
                        return number.getValue().toString();
                    }
                    throw new CoercingParseLiteralException("an ID is a string or an integer");
                }
            }).build();

    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring.scalar(DATE).scalar(DATE_TIME).scalar(JSON);
    }

    /** A built-in scalar cannot be wired again, so the schema's ID is swapped for the strict one once built. */
    @Bean
    GraphQlSourceBuilderCustomizer strictIds() {
        return builder -> builder.typeVisitorsToTransformSchema(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType node,
                                                           TraverserContext<GraphQLSchemaElement> context) {
                return node.getName().equals(ID.getName()) && node != ID ? changeNode(context, ID) : TraversalControl.CONTINUE;
            }
        }));
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

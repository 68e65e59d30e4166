package nl.tijdig.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.Money;

/**
 * Strict request binding (docs/api.md, "Limits"): a JSON value binds only to a field of its own kind
 * — a number is not an enum, a date, a text or a boolean; a text is not a number, except that a decimal
 * may be given as a decimal string ("12.50") — duplicate keys and trailing content are refused, and every
 * text, decimal, date and moment is held to {@link Limits}. What is refused is a 400 naming the field.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Makes this mapper strict for reading requests. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Limits.NESTING).maxNumberLength(Limits.NUMBER_LENGTH)
                .maxStringLength(Limits.TEMPLATE * 2).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION); // never echo the body in messages
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Enum,
                LogicalType.Integer, LogicalType.Float, LogicalType.DateTime, LogicalType.OtherScalar}) {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString}) {
                if (!isNative(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        for (LogicalType type : new LogicalType[] {LogicalType.POJO, LogicalType.Collection, LogicalType.Array,
                LogicalType.Map}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        SimpleModule module = new SimpleModule("tijdig-strict-json");
        module.addDeserializer(String.class, new TextDeserializer(Limits.TEXT, false));
        module.addDeserializer(BigDecimal.class, new DecimalDeserializer(Limits.AMOUNT_SCALE,
                Limits.AMOUNT_MAX.negate(), Limits.AMOUNT_MAX));
        module.addDeserializer(Money.class, new MoneyDeserializer());
        module.addDeserializer(Integer.class, new WholeDeserializer<>(Integer.class, false));
        module.addDeserializer(int.class, new WholeDeserializer<>(int.class, false));
        module.addDeserializer(Long.class, new WholeDeserializer<>(Long.class, true));
        module.addDeserializer(long.class, new WholeDeserializer<>(long.class, true));
        module.addDeserializer(Boolean.class, new FlagDeserializer<>(Boolean.class));
        module.addDeserializer(boolean.class, new FlagDeserializer<>(boolean.class));
        module.addDeserializer(LocalDate.class, new TimeDeserializer<>(LocalDate.class, Limits::date, "a date like 2027-01-31"));
        module.addDeserializer(Instant.class, new TimeDeserializer<>(Instant.class, Limits::instant,
                "a date and time like 2027-01-10T09:00:00Z"));
        mapper.registerModule(module);
        return mapper;
    }

    private static boolean isNative(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual, Enum, DateTime, OtherScalar -> shape == CoercionInputShape.String;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            default -> false;
        };
    }

    /** A text: a JSON string only, within its field's {@link Text} limits or the default. */
    static final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final int max;
        private final boolean lines;

        TextDeserializer(int max, boolean lines) {
            super(String.class);
            this.max = max;
            this.lines = lines;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            Text text = property == null ? null : property.getAnnotation(Text.class);
            return text == null ? this : new TextDeserializer(text.max(), text.lines());
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedValue(p, String.class, "must be a text (a JSON string)");
            }
            String value = p.getText();
            String refusal = Limits.textRefusal(value, max, lines);
            if (refusal != null) {
                throw new RefusedValue(p, String.class, refusal);
            }
            return value;
        }
    }

    /** A decimal: a JSON number or a decimal string, within its field's {@link Decimal} limits or an amount's. */
    static final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> implements ContextualDeserializer {

        private final int scale;
        private final BigDecimal min;
        private final BigDecimal max;

        DecimalDeserializer(int scale, BigDecimal min, BigDecimal max) {
            super(BigDecimal.class);
            this.scale = scale;
            this.min = min;
            this.max = max;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            Decimal decimal = property == null ? null : property.getAnnotation(Decimal.class);
            return decimal == null ? this
                    : new DecimalDeserializer(decimal.scale(), new BigDecimal(decimal.min()), new BigDecimal(decimal.max()));
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value;
            switch (p.currentToken()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = p.getDecimalValue();
                case VALUE_STRING -> {
                    String text = p.getText().strip();
                    if (!text.matches("-?[0-9]{1,20}(\\.[0-9]{1,20})?")) {
                        throw new RefusedValue(p, BigDecimal.class, "is not a decimal number like 12.50");
                    }
                    value = new BigDecimal(text);
                }
                default -> {
                    throw new RefusedValue(p, BigDecimal.class, "must be a decimal number");
                }
            }
            String refusal = Limits.decimalRefusal(value, scale, min, max);
            if (refusal != null) {
                throw new RefusedValue(p, BigDecimal.class, refusal);
            }
            return value;
        }
    }

    /** A date or a moment: a JSON string that {@link Limits#date} or {@link Limits#instant} takes. */
    static final class TimeDeserializer<T> extends StdScalarDeserializer<T> {

        private final java.util.function.Function<String, T> parse;
        private final String example;

        TimeDeserializer(Class<T> type, java.util.function.Function<String, T> parse, String example) {
            super(type);
            this.parse = parse;
            this.example = example;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedValue(p, handledType(), "must be " + example + " (a JSON string)");
            }
            try {
                return parse.apply(p.getText());
            } catch (IllegalArgumentException e) {
                throw new RefusedValue(p, handledType(), e.getMessage());
            }
        }
    }

    /**
     * Money: {@code {"amount": "12.50", "currency": "EUR"}}, both required, nothing else; the amount a
     * decimal string or number with no more decimals than the currency has, at most 10^12 either way.
     */
    static final class MoneyDeserializer extends StdScalarDeserializer<Money> {

        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new RefusedValue(p, Money.class, "must be money like {\"amount\": \"12.50\", \"currency\": \"EUR\"}");
            }
            BigDecimal amount = null;
            String currency = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "amount" -> amount = new DecimalDeserializer(8, Limits.AMOUNT_MAX.negate(), Limits.AMOUNT_MAX)
                            .deserialize(p, ctxt);
                    case "currency" -> {
                        if (p.currentToken() != JsonToken.VALUE_STRING || !p.getText().matches("[A-Z]{3}")) {
                            throw new RefusedValue(p, Money.class, "currency must be an ISO 4217 code like EUR");
                        }
                        currency = p.getText();
                    }
                    default -> throw new RefusedValue(p, Money.class, "'" + name.substring(0, Math.min(name.length(), 40))
                            + "' is not a field of money (amount, currency)");
                }
            }
            if (amount == null || currency == null) {
                throw new RefusedValue(p, Money.class, "needs both amount and currency");
            }
            try {
                java.util.Currency unit = Money.currency(currency);
                if (amount.stripTrailingZeros().scale() > Math.max(unit.getDefaultFractionDigits(), 0)) {
                    throw new RefusedValue(p, Money.class, "an amount in " + currency + " may have at most "
                            + unit.getDefaultFractionDigits() + " decimals");
                }
                return Money.of(amount, unit);
            } catch (IllegalArgumentException e) {
                throw new RefusedValue(p, Money.class, e.getMessage());
            }
        }
    }

    /**
     * A scalar that may be a Java primitive: absent, a primitive is its default (0, false); {@code null} is refused
     * for a primitive (it is no value of it) and stays null for a wrapper.
     */
    abstract static class PrimitiveAware<T> extends StdScalarDeserializer<T> {

        private final Object absent;
        private final String kind;

        PrimitiveAware(Class<T> type, Object absent, String kind) {
            super(type);
            this.absent = absent;
            this.kind = kind;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            if (handledType().isPrimitive()) {
                throw new RefusedValue(ctxt.getParser(), handledType(), "must be " + kind + ", not null");
            }
            return null;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return handledType().isPrimitive() ? absent : null;
        }
    }

    /** A whole number: a JSON integer within the range of its Java type, named when it is not. */
    static final class WholeDeserializer<T> extends PrimitiveAware<T> {

        private final boolean wide;

        WholeDeserializer(Class<T> type, boolean wide) {
            super(type, wide ? (Object) 0L : (Object) 0, "a whole number");
            this.wide = wide;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new RefusedValue(p, handledType(), "must be a whole number");
            }
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.BIG_INTEGER || !wide && type == JsonParser.NumberType.LONG) {
                throw new RefusedValue(p, handledType(), "is out of range (at most " + (wide ? Long.MAX_VALUE
                        : Integer.MAX_VALUE) + " either way)");
            }
            return (T) (wide ? (Object) p.getLongValue() : (Object) p.getIntValue());
        }
    }

    /** A boolean: JSON true or false. */
    static final class FlagDeserializer<T> extends PrimitiveAware<T> {

        FlagDeserializer(Class<T> type) {
            super(type, Boolean.FALSE, "true or false");
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_TRUE -> (T) Boolean.TRUE;
                case VALUE_FALSE -> (T) Boolean.FALSE;
                default -> throw new RefusedValue(p, handledType(), "must be true or false");
            };
        }
    }
}

package dev.gazette.render;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code value.name} in templates when {@code value} is one of Gazette's own objects (page,
 * site and article views, categories, terms, periods...) and {@code name} one of its accessors,
 * by a direct call rather than through Pebble's reflection. Pebble looked the member up in a
 * concurrent map under a freshly made key and called it by {@code Method.invoke} on every read:
 * 3% of a cold build's CPU. Anything else (another class, a name given arguments, a name that
 * only a {@code getName}, {@code isName} or {@code hasName} method answers) is left to Pebble,
 * which would call the same method here, so templates see the same values.
 */
final class TemplateAttributes implements AttributeResolver {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final Set<String> OBJECT_METHODS = Arrays.stream(Object.class.getMethods()).map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    /** Per class, its accessors; none for classes left to Pebble. */
    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return new Accessors(type, methods(type));
        }
    };

    /** The Pebble extension that puts this resolver before Pebble's own. */
    static Extension extension() {
        return new AbstractExtension() {
            @Override
            public List<AttributeResolver> getAttributeResolver() {
                return List.of(new TemplateAttributes());
            }
        };
    }

    /** Whether {@code type}'s attribute {@code name} is read here (else by Pebble). */
    static boolean readsDirectly(Class<?> type, String name) {
        return ACCESSORS.get(type).get(name) != null;
    }

    @Override
    public ResolvedAttribute resolve(Object instance, Object attributeNameValue, Object[] argumentValues,
            ArgumentsNode args, EvaluationContextImpl context, String filename, int lineNumber) {
        if (instance == null || argumentValues != null && argumentValues.length > 0
                || !(attributeNameValue instanceof String name)) {
            return null;
        }
        Function<Object, Object> accessor = ACCESSORS.get(instance.getClass()).get(name);
        return accessor == null ? null : new ResolvedAttribute(accessor.apply(instance));
    }

    /**
     * A class's accessors, each made the first time a template reads it: making one defines a
     * class, and most are never read.
     */
    private static final class Accessors {
        private static final Function<Object, Object> NONE = value -> null;
        private final Class<?> type;
        private final Map<String, Method> methods;
        private final Map<String, Function<Object, Object>> made = new ConcurrentHashMap<>();

        Accessors(Class<?> type, Map<String, Method> methods) {
            this.type = type;
            this.methods = methods;
        }

        Function<Object, Object> get(String name) {
            Function<Object, Object> accessor = made.get(name);
            if (accessor == null) {
                Method method = methods.get(name);
                if (method == null) {
                    return null;
                }
                accessor = made.computeIfAbsent(name, n -> Objects.requireNonNullElse(accessor(type, method), NONE));
            }
            return accessor == NONE ? null : accessor;
        }
    }

    /**
     * The methods templates read as {@code value.name} on {@code type}: those named {@code name}
     * without parameters, which Pebble tries before {@code getName}, {@code isName} and {@code hasName}.
     */
    private static Map<String, Method> methods(Class<?> type) {
        if (!type.getName().startsWith("dev.gazette.") || !Modifier.isPublic(type.getModifiers())
                || Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                || Map.Entry.class.isAssignableFrom(type) || Iterable.class.isAssignableFrom(type)) {
            return Map.of();
        }
        Map<String, Method> methods = new HashMap<>();
        for (Method method : type.getMethods()) {
            String name = method.getName();
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.isBridge()
                    || method.getReturnType() == void.class) {
                continue;
            }
            // toString, hashCode...: Pebble decides what templates may call
            if (!OBJECT_METHODS.contains(name)) {
                methods.put(name, method);
            }
        }
        return Map.copyOf(methods);
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(Class<?> type, Method method) {
        try {
            var handle = LOOKUP.unreflect(method);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(LOOKUP, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), handle,
                    MethodType.methodType(Object.class, type)).getTarget().invokeExact();
        } catch (Throwable e) {
            return null; // not accessible from here: Pebble reads it
        }
    }
}

package uk.mathshubs.kit.input;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/** The query parameters (and superseded headers) a resource method takes, its {@code @BeanParam}s' included, read from its annotations. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** Every name the method takes, each with the element that declares it. */
    static Map<String, AnnotatedElement> of(Method method) {
        Map<String, AnnotatedElement> names = new HashMap<>();
        forEach(method, names::put);
        return Map.copyOf(names);
    }

    /** The former spellings the method still takes, by name. */
    static Map<String, Superseded> superseded(Method method) {
        Map<String, Superseded> names = new HashMap<>();
        forEach(method, (name, element) -> {
            Superseded old = element.getAnnotation(Superseded.class);
            if (old != null) {
                names.put(name, old);
            }
        });
        return Map.copyOf(names);
    }

    /** The former spellings of headers the method still takes, by name. */
    static Map<String, Superseded> supersededHeaders(Method method) {
        Map<String, Superseded> names = new HashMap<>();
        for (Parameter parameter : method.getParameters()) {
            HeaderParam header = parameter.getAnnotation(HeaderParam.class);
            Superseded old = parameter.getAnnotation(Superseded.class);
            if (header != null && old != null) {
                names.put(header.value(), old);
            }
        }
        return Map.copyOf(names);
    }

    private static void forEach(Method method, BiConsumer<String, AnnotatedElement> each) {
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                each.accept(query.value(), parameter);
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            each.accept(fieldQuery.value(), field);
                        }
                    }
                }
            }
        }
    }
}

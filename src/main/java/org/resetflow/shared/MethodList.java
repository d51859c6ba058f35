package org.resetflow.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Methods as process variables hold them: a comma-separated list such as {@code EMAIL,SMS}. */
public final class MethodList {

    private MethodList() {
    }

    public static List<Method> parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        List<Method> methods = new ArrayList<>();
        Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Method::valueOf).forEach(methods::add);
        return methods;
    }

    public static String format(Collection<Method> methods) {
        return String.join(",", methods.stream().map(Method::name).toList());
    }
}

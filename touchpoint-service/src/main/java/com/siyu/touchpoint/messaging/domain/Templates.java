package com.siyu.touchpoint.messaging.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** A preset's field text with {variables}: checked when the operator saves it, filled when a send is made. */
public final class Templates {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    private Templates() {
    }

    public static void checkVariables(String text, Set<String> known) {
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "Unknown variable {" + m.group(1) + "}; this preset knows " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** The text with each {variable} replaced by its value (a missing value leaves it empty). */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }
}

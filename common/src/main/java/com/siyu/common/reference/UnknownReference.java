package com.siyu.common.reference;

import com.siyu.common.problem.DomainException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request named an id that is not one of the caller's tenant (or does not exist). */
public class UnknownReference extends DomainException {

    /** An id in the request body: 422 naming the field. */
    public UnknownReference(String field, String kind, long id) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_" + kind.toUpperCase(java.util.Locale.ROOT),
                field + " " + id + " is not a " + kind.toLowerCase(java.util.Locale.ROOT) + " of this tenant",
                Map.of("errors", List.of(Map.of("field", field, "message",
                        "is not a " + kind.toLowerCase(java.util.Locale.ROOT) + " of this tenant"))));
    }

    /** An id in the path: 404. */
    public UnknownReference(String kind, long id) {
        super(HttpStatus.NOT_FOUND, "NOT_FOUND", kind + " " + id + " does not exist");
    }
}

package com.siyu.guide.roster.domain;

import java.util.List;
import java.util.Optional;

public interface GuideRepository {

    /** Throws {@link GuidePhoneTaken} when the phone is already on the tenant's roster. */
    Guide insert(long storeId, String name, String phone);

    Optional<Guide> find(long id);

    List<Guide> list(Long storeId);
}

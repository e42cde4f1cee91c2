package com.siyu.guide.roster.domain;

import java.util.List;
import java.util.Optional;

public interface GuideRepository {

    /** Throws {@link GuideTaken} when the phone, staff account or WeCom user is already on the tenant's roster. */
    Guide insert(NewGuide guide);

    Optional<Guide> find(long id);

    Optional<Guide> findByStaff(long staffId);

    /** The guide with this {@code userid} in the tenant's WeCom corp. */
    Optional<Guide> findByWecomUser(String wecomUserId);

    List<Guide> list(Long storeId);

    void updateStatus(long id, GuideStatus status);

    /** Raises the guide's level to {@code level} if it is lower (levels earned by guide points never go down); true when raised. */
    boolean raiseLevel(long id, int level);
}

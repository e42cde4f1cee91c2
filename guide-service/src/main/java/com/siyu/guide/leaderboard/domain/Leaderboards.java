package com.siyu.guide.leaderboard.domain;

import com.siyu.guide.client.TenantZones;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** Leaderboards per tenant or store for a day, week or month of the mall's calendar, computed from the ledgers themselves. */
@Service
public class Leaderboards {

    public interface Source {
        List<Standing> standings(Period period, Long storeId, int limit);
    }

    private final Source source;
    private final TenantZones zones;
    private final Clock clock;

    public Leaderboards(Source source, TenantZones zones, Clock clock) {
        this.source = source;
        this.zones = zones;
        this.clock = clock;
    }

    public record Board(Period period, Long storeId, List<Standing> standings) {
    }

    public Board of(Period.Kind kind, LocalDate date, Long storeId, int limit) {
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(zones.zone()));
        Period period = Period.containing(kind, day, zones.zone());
        return new Board(period, storeId, source.standings(period, storeId, limit));
    }
}

package com.siyu.touchpoint.quiethours.domain;

import org.springframework.stereotype.Service;

@Service
public class QuietHoursPolicy {

    private final QuietHoursRepository repository;

    public QuietHoursPolicy(QuietHoursRepository repository) {
        this.repository = repository;
    }

    public QuietHours current() {
        return repository.find().orElse(QuietHours.DEFAULT);
    }

    public QuietHours set(QuietHours hours, Long staffId) {
        repository.save(hours, staffId);
        return hours;
    }
}

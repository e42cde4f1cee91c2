package com.siyu.guide.tasks.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.Roster;
import com.siyu.guide.tasks.domain.Training;
import com.siyu.guide.tasks.domain.TrainingRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The newbie training path, guide levels and badges (the tenant's admins set them), and each guide's progress. */
@RestController
@Validated
class TrainingController {

    private static final String CODE = "[a-z0-9_-]{1,32}";

    private final Training training;
    private final Roster roster;

    TrainingController(Training training, Roster roster) {
        this.training = training;
        this.roster = roster;
    }

    record StepRequest(@NotNull @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 100) String title, @Size(max = 1000) String content,
                       @Min(0) @Max(10_000) Integer rewardPoints, @Min(1) @Max(90) Integer dueDays) {
    }

    record PathRequest(@NotNull @Size(max = 30) List<@NotNull @Valid StepRequest> steps) {
    }

    @GetMapping("/admin/v1/guide/training")
    List<TrainingRepository.Step> path() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        return training.path();
    }

    /** The steps in order; rewardPoints default 10, dueDays (after a guide is enrolled) default 7. An empty list ends the path. */
    @PutMapping("/admin/v1/guide/training")
    Training.PathSaved savePath(@Valid @RequestBody PathRequest r) {
        StaffOnly.require("TENANT_ADMIN");
        List<TrainingRepository.Step> steps = new ArrayList<>();
        for (int i = 0; i < r.steps().size(); i++) {
            StepRequest s = r.steps().get(i);
            steps.add(new TrainingRepository.Step(s.code(), i, s.title(), s.content(), s.rewardPoints() == null ? 10 : s.rewardPoints(),
                    s.dueDays() == null ? 7 : s.dueDays()));
        }
        return training.savePath(steps);
    }

    record LevelRequest(@NotBlank @Size(max = 32) String name, @NotNull @Min(0) @Max(10_000_000) Integer minPoints) {
    }

    record LevelsRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid LevelRequest> levels) {
    }

    @GetMapping("/admin/v1/guide/levels")
    List<TrainingRepository.Level> levels() {
        StaffOnly.require();
        return training.levels();
    }

    /** Level 1 is the first entry (minPoints 0), each next one needs more guide points. */
    @PutMapping("/admin/v1/guide/levels")
    List<TrainingRepository.Level> saveLevels(@Valid @RequestBody LevelsRequest r) {
        StaffOnly.require("TENANT_ADMIN");
        List<TrainingRepository.Level> levels = new ArrayList<>();
        for (int i = 0; i < r.levels().size(); i++) {
            levels.add(new TrainingRepository.Level(i + 1, r.levels().get(i).name(), r.levels().get(i).minPoints()));
        }
        return training.saveLevels(levels);
    }

    record BadgeRequest(@NotNull @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 32) String name, @NotNull TrainingRepository.BadgeKind kind,
                        @Min(1) @Max(10_000_000) Integer threshold) {
    }

    record BadgesRequest(@NotNull @Size(max = 50) List<@NotNull @Valid BadgeRequest> badges) {
    }

    @GetMapping("/admin/v1/guide/badges")
    List<TrainingRepository.Badge> badges() {
        StaffOnly.require();
        return training.badges();
    }

    /** TRAINING_DONE (no threshold), TASKS_DONE and POINTS (a threshold); awarded at a guide's next task done, once. */
    @PutMapping("/admin/v1/guide/badges")
    List<TrainingRepository.Badge> saveBadges(@Valid @RequestBody BadgesRequest r) {
        StaffOnly.require("TENANT_ADMIN");
        List<TrainingRepository.Badge> badges = new ArrayList<>();
        for (BadgeRequest b : r.badges()) {
            if (b.kind() != TrainingRepository.BadgeKind.TRAINING_DONE && b.threshold() == null) {
                throw new DomainException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "Badge " + b.code() + ": a " + b.kind() + " badge needs a threshold");
            }
            badges.add(new TrainingRepository.Badge(b.code(), b.name(), b.kind(), b.threshold() == null ? 0 : b.threshold()));
        }
        return training.saveBadges(badges);
    }

    @GetMapping("/admin/v1/guide/me/progress")
    Training.Progress mine() {
        return training.progress(roster.ofStaff(StaffOnly.require("GUIDE").staffId()));
    }

    @GetMapping("/admin/v1/guide/guides/{id}/progress")
    Training.Progress progress(@PathVariable long id) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        Guide guide = roster.find(id).filter(g -> GuideScope.sees(staff, g)).orElseThrow(() -> DomainException.notFound("Guide", id));
        return training.progress(guide);
    }
}

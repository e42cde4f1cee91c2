-- DORMANT tasks: a bound member not seen (member-service's last visit, else registration) for dormant_days gets
-- their guide a win-back task, once per dormancy spell (0 turns it off).
ALTER TABLE guide_task_policy ADD COLUMN dormant_days INT NOT NULL DEFAULT 30;

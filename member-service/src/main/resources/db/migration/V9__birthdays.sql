-- A member's birthday (the shopper gives it once; staff may correct it): guide-service's birthday tasks ask which of a
-- guide's members have a birthday on the coming days, by month and day.
ALTER TABLE member ADD COLUMN birthday DATE NULL AFTER nickname;

-- The guide share-link token a payment was made through (guide-service's signed token, judged there), carried
-- into PaymentSucceeded so the guide who shared the link is credited.
ALTER TABLE checkout_payment ADD COLUMN attribution VARCHAR(300) NULL;

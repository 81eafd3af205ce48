"""Privacy and protection: personal data of registrants and requesters, public-form rate limits, login throttling."""

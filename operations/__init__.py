"""Running the site: backup and restore of the database and media, compiling the interface translations."""

"""What the site offers to other programs: sitemap, robots.txt, RSS and Atom feeds, JSON API, open data."""

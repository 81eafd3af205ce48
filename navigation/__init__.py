"""The site frame on every page: main menu, footer, language switcher, hreflang alternates, breadcrumbs."""

"""The schema.org Event object of an event page."""

from archive import state as archive_state
from core.structured_data import page_url


def event(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": page_url(page, request),
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "eventStatus": f"https://schema.org/{page.facts.status}",
        "eventAttendanceMode": f"https://schema.org/{page.attendance_mode}",
        "inLanguage": page.event_language,
        "maximumAttendeeCapacity": page.facts.capacity,
    }
    if not archive_state.is_archived():
        # Counted at render time: the page varies with registrations (see cache_dependencies).
        data["remainingAttendeeCapacity"] = page.remaining_places
    if page.description:
        data["description"] = page.description
    locations = []
    if page.attendance_mode != "OnlineEventAttendanceMode":
        address = {"@type": "PostalAddress"}
        for key, value in [
            ("streetAddress", page.street_address),
            ("postalCode", page.postal_code),
            ("addressLocality", page.locality),
            ("addressCountry", page.country.code if page.country else ""),
        ]:
            if value:
                address[key] = value
        locations.append({"@type": "Place", "name": page.venue_name or page.locality, "address": address})
    if page.online_url and page.attendance_mode != "OfflineEventAttendanceMode":
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    host = page.localized_host
    if host is not None:
        data["organizer"] = host.as_structured_data()
    return data

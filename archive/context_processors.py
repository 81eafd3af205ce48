from . import state


def archive(request):
    """`archive` in every template: the site's Archive (since, contact_url, contact_label), or None."""
    return {"archive": state.current()}

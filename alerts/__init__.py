"""E-mail alerts: visitors subscribe, per language and kind of content, to a digest of what is new.

- Double opt-in: the subscribe form stores a *pending* subscription and writes a
  confirmation e-mail with a signed link (tokens.py); only a confirmed
  subscription receives anything.
- The digest goes out from `manage.py send_alerts` (digest.py), run by cron,
  through the outbox: every item is announced at most once (AlertedItem).
- Every digest carries a one-click unsubscribe link (RFC 8058: the
  List-Unsubscribe and List-Unsubscribe-Post headers, and the same link in the
  text); unsubscribing deletes the subscription.
- Subscriptions are personal data, in the privacy registry (personal_data.py).
"""

"""E-mail through a transactional outbox.

A confirmation is rendered (subject, body, recipient, attachments, in the
recipient's language) while its registration or request is saved, and stored as
a task row in the SAME database transaction: the record and its e-mail are
committed together or not at all. A worker (`manage.py db_worker --backend outbox
--queue-name outbox`) sends the rows later, so an unreachable mail server never
turns a visitor's request into an error, and a visitor never retries a request
because its e-mail failed.

The queue is django-tasks, with its database backend (django-tasks-db) under the
alias "outbox": django-tasks is the backport of Django's own tasks framework
(django.tasks from Django 6), already installed as a Wagtail dependency, and the
database backend needs no broker, only the database the site already has. The
backend inserts the task row at once, inside the caller's transaction (it has no
deferred "enqueue on commit"), which is exactly the outbox guarantee.

django-tasks has no retry policy of its own, so `retries.py` adds one through
its public `task_finished` signal: a failed send is made ready again after a
growing delay until OUTBOX_MAX_ATTEMPTS, then stays failed, and coordinators
see it under Reports → Unsent e-mail, where they can send it again.
"""

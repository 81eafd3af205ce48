"""The demo-content machinery behind `manage.py load_demo`.

Each app that has demo content ships a `demo` module with a STEPS list of
(order, function) pairs; the command runs them all in order with one shared
DemoContext. Content is written per language in data files and translated
through wagtail-localize, as an editor's translation would be.
"""

from django.urls import path

from . import views

# Outside the admin and the language prefixes: no page cache, no static copy, no sitemap.
urlpatterns = [
    path("<int:pk>/", views.download_evidence, name="reporting_evidence_download"),
]

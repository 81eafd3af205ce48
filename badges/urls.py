from django.urls import path

from . import views

app_name = "badges"

urlpatterns = [
    path("jwks.json", views.jwks, name="jwks"),
    path("issuers/<uuid:public_id>.json", views.issuer, name="issuer"),
    path("achievements/<uuid:key>.json", views.achievement, name="achievement"),
    path("status/<uuid:public_id>.jwt", views.status_list, name="status_list"),
    path("verify.json", views.verify_json, name="verify_json"),
]

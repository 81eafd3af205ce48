from django.urls import path

from . import views

app_name = "badges"

urlpatterns = [
    path("jwks.json", views.jwks, name="jwks"),
    path("issuers/<uuid:public_id>.json", views.issuer, name="issuer"),
    path("achievements/<uuid:key>.json", views.achievement, name="achievement"),
    path("status/<uuid:public_id>.jwt", views.status_list, name="status_list"),
    path("verify.json", views.verify_json, name="verify_json"),
    path("ob2/issuers/<uuid:public_id>.json", views.ob2_issuer, name="ob2_issuer"),
    path("ob2/badges/<uuid:key>.json", views.ob2_badge, name="ob2_badge"),
    path("ob2/assertions/<uuid:public_id>.json", views.ob2_assertion, name="ob2_assertion"),
    path("examples/<uuid:public_id>.svg", views.example_svg, name="example_svg"),
]

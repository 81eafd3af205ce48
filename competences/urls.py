from django.urls import path

from . import views

app_name = "competences"

# The file downloads come first: "<code>.csv" must not be read as a framework code.
urlpatterns = [
    path("", views.framework_index, name="index"),
    path("<str:code>.csv", views.framework_csv, name="csv"),
    path("<str:code>.jsonld", views.framework_jsonld, name="jsonld"),
    path("<str:code>/", views.framework_detail, name="framework"),
    path("<str:framework_code>/<str:item_code>/", views.item_detail, name="item"),
]

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("sent/", views.sent, name="sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

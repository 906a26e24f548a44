from django.urls import path

from consent import views

app_name = "consent"

urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("consent/", views.save, name="save"),
]

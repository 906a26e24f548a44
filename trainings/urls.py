from django.urls import path

from trainings import views

app_name = "trainings"

# compare/ and guide/ come before <slug:slug>/ so that they are never read as slugs.
urlpatterns = [
    path("", views.training_list, name="training_list"),
    path("compare/", views.training_compare, name="training_compare"),
    path("guide/", views.training_guide, name="training_guide"),
    path("<slug:slug>/", views.training_detail, name="training_detail"),
]

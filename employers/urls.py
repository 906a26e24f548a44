from django.urls import path

from employers import views

app_name = "employers"

urlpatterns = [
    path("", views.employer_list, name="employer_list"),
    path("<slug:slug>/", views.employer_detail, name="employer_detail"),
]

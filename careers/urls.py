from django.urls import path

from careers import views

app_name = "careers"

# "compare/" comes before "<slug:role>/" so it is never taken for a role's slug.
urlpatterns = [
    path("", views.home, name="home"),
    path("careers/", views.career_list, name="career_list"),
    path("careers/<slug:career>/", views.career_detail, name="career_detail"),
    path("careers/<slug:career>/compare/", views.career_compare, name="career_compare"),
    path("careers/<slug:career>/<slug:role>/", views.role_detail, name="role_detail"),
    path("careers/<slug:career>/<slug:role>/pay/", views.role_pay, name="role_pay"),
]

"""
Places shared by trainings and employers: New York counties and regions, ZIP codes to
coordinates (offline, from the `zipcodes` package), and distance computed in the database.
A plain package, not an app: it has no models.
"""

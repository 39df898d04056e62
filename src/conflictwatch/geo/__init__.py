"""Geocoding: place mentions in text resolved against a layered gazetteer.

geocoder = Geocoder.from_settings(settings)      # built once, index cached on disk
places = geocoder.geoparse(text, countries=["ML"])  # Place objects with offsets
"""

from conflictwatch.geo.gazetteer import GazetteerError
from conflictwatch.geo.geocoder import Geocoder

__all__ = ["GazetteerError", "Geocoder"]

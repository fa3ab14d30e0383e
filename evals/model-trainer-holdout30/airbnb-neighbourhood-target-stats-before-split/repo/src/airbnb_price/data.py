"""Raw listing loader."""
from __future__ import annotations

import pandas as pd

USECOLS = [
    "listing_id", "price", "neighbourhood", "room_type", "property_type", "accommodates",
    "bedrooms", "beds", "bathrooms", "amenities", "host_since", "review_scores_rating",
    "number_of_reviews", "minimum_nights", "latitude", "longitude",
]


def load_listings(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, usecols=USECOLS)
    df["price"] = df["price"].str.replace(r"[$,]", "", regex=True).astype(float)
    return df[df["price"].between(10, 5000)].reset_index(drop=True)

CFG = {
    "seed": 31,
    "num_cols": ["living_sqm", "lot_sqm", "rooms", "bathrooms", "year_built", "floor",
                 "dist_center_km", "dist_station_km", "energy_score"],
    "cat_cols": ["city", "property_type", "heating", "condition"],
}

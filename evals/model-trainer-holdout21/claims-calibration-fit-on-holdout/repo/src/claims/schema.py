TARGET = "claim_within_year"
NUMERIC = ["driver_age", "vehicle_age", "annual_km", "bonus_malus", "vehicle_power", "density"]
CATEGORICAL = ["vehicle_brand", "fuel", "region", "area_code"]
SEED = 314
